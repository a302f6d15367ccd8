package io.junctionsql.planner.semantic;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A column's CDS type as the CSN gives it, for example {@code cds.Decimal} with precision 15 and scale 2.
 * A type defined in the CSN itself is replaced by the built-in type it stands for.
 */
public record ColumnType(String name, OptionalInt length, OptionalInt precision, OptionalInt scale) {
  public ColumnType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(length, "length");
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(scale, "scale");
  }

  public static ColumnType of(String name) {
    return new ColumnType(name, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());
  }
}
