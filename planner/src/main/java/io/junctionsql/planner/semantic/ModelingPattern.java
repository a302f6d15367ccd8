package io.junctionsql.planner.semantic;

import java.util.Locale;

/** What an entity is for, from {@code @ObjectModel.modelingPattern} (Datasphere's "semantic usage"). */
public enum ModelingPattern {
  ANALYTICAL_FACT,
  ANALYTICAL_CUBE,
  ANALYTICAL_DIMENSION,
  LANGUAGE_DEPENDENT_TEXT,
  DATA_STRUCTURE,
  ANALYTICAL_PARENT_CHILD_HIERARCHY_NODE,
  /** Not annotated, or a pattern Junction does not use; such an entity is still read. */
  UNKNOWN;

  static ModelingPattern fromSymbol(String symbol) {
    try {
      return valueOf(symbol.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }

  /** Facts and cubes hold the measures; their associations point at dimensions. */
  public boolean isFact() {
    return this == ANALYTICAL_FACT || this == ANALYTICAL_CUBE;
  }
}
