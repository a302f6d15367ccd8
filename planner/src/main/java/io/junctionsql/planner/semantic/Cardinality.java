package io.junctionsql.planner.semantic;

/** The most rows an association reaches from one source row, from {@code cardinality.max}. */
public enum Cardinality {
  ONE,
  MANY
}
