package io.junctionsql.planner.runtime;

import org.apache.calcite.DataContext;

/**
 * Where a semi-join reduction hands a source's scan the other side's join keys: under this name in the
 * statement's context, as an array of distinct non-null values. A JDBC source binds them as parameters
 * instead; a Delta scan reads them here to skip files and drop rows.
 */
public final class JoinKeys {
  public static final String NAME = "junction.joinKeys";

  private JoinKeys() {
  }

  /** The keys the context carries; null when it carries none. */
  public static Object[] of(DataContext context) {
    return (Object[]) context.get(NAME);
  }
}
