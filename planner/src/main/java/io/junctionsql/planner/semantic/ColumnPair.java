package io.junctionsql.planner.semantic;

import java.util.Objects;

/** One equality of an association's join condition: {@code source.<source> = target.<target>}. */
public record ColumnPair(String source, String target) {
  public ColumnPair {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
  }
}
