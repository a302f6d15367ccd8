package io.junctionsql.planner.optimizer;

import io.junctionsql.planner.semantic.ConvertCurrencyFunction;

import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;

/** The functions Junction adds to standard SQL. */
final class JunctionOperators {
  static final SqlOperatorTable TABLE = SqlOperatorTables.of(ConvertCurrencyFunction.INSTANCE);

  private JunctionOperators() {
  }
}
