package io.junctionsql.planner.dialect;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import org.checkerframework.checker.nullness.qual.Nullable;

/** Numeric functions HANA spells differently: it has no TRUNCATE and no LOG10. */
final class HanaNumericCalls {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private HanaNumericCalls() {
  }

  static @Nullable SqlNode rewrite(SqlCall call) {
    if (call.getOperator() == SqlStdOperatorTable.TRUNCATE) {
      // Truncation is rounding toward zero.
      SqlNode places = call.operandCount() > 1 ? call.operand(1) : SqlLiteral.createExactNumeric("0", POS);
      return HanaFunctions.ROUND.createCall(POS, call.operand(0), places,
          SqlLiteral.createSymbol(HanaFunctions.RoundingMode.ROUND_DOWN, POS));
    }
    if (call.getOperator() == SqlStdOperatorTable.LOG10) {
      return HanaFunctions.LOG.createCall(POS, SqlLiteral.createExactNumeric("10", POS), call.operand(0));
    }
    return null;
  }
}
