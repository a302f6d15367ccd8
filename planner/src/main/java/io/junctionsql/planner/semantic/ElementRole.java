package io.junctionsql.planner.semantic;

/**
 * The part a column plays in analytics. A column has exactly one role; when annotations say several
 * things, MEASURE wins over KEY, KEY over DIMENSION, and what is left is an ATTRIBUTE.
 */
public enum ElementRole {
  /** Part of the entity's primary key. */
  KEY,
  /** Aggregated: carries {@code @AnalyticsDetails.measureType} or an aggregating {@code @Aggregation.default}. */
  MEASURE,
  /** Groups or joins: {@code @Analytics.dimension: true}, or the foreign key of an association. */
  DIMENSION,
  /** Any other column. */
  ATTRIBUTE
}
