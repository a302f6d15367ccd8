package io.junctionsql.planner.system;

import io.junctionsql.planner.semantic.SemanticElement;
import io.junctionsql.planner.semantic.SemanticEntity;
import io.junctionsql.planner.semantic.SemanticTable;

import org.apache.calcite.schema.Table;

import java.util.Optional;

/** The semantics of a catalog entry, where its source has any. */
final class Semantics {
  private Semantics() {
  }

  static Optional<SemanticEntity> of(Table table) {
    return table instanceof SemanticTable ? ((SemanticTable) table).semantics() : Optional.empty();
  }

  static Optional<SemanticElement> of(Table table, String column) {
    return of(table).flatMap(e -> e.element(column));
  }

  /** The business label, for JDBC's REMARKS. */
  static String tableLabel(Table table) {
    return of(table).flatMap(SemanticEntity::label).orElse(null);
  }

  static String columnLabel(Table table, String column) {
    return of(table, column).flatMap(SemanticElement::label).orElse(null);
  }
}
