package io.junctionsql.planner.semantic;

import java.util.Locale;

/** A measure's default aggregation, from {@code @Aggregation.default}. */
public enum Aggregation {
  SUM,
  MIN,
  MAX,
  AVG,
  COUNT,
  COUNT_DISTINCT,
  /** Not aggregated at all. */
  NONE,
  /** No operation: the value is shown only where it is unique. */
  NOP,
  /** Computed after aggregation from other measures; never aggregated itself. */
  FORMULA,
  /** A value Junction does not know; kept rather than refused so a newer export still loads. */
  UNKNOWN;

  static Aggregation fromSymbol(String symbol) {
    try {
      return valueOf(symbol.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }

  /** Whether this aggregation makes its column a measure (NONE, NOP and unknown values do not). */
  boolean marksMeasure() {
    return this != NONE && this != NOP && this != UNKNOWN;
  }
}
