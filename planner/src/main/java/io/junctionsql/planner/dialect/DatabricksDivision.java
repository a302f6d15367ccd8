package io.junctionsql.planner.dialect;

import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Integer division. Calcite divides integers to an integer truncated toward zero ({@code 7 / 2} is 3)
 * and writes its internal {@code /INT} for it; Spark's "/" always gives a fraction ({@code 7 / 2} is
 * 3.5). Spark's {@code a DIV b} truncates toward zero as Calcite does; its result is a BIGINT, which
 * holds every quotient of smaller integers. A zero divisor fails in ANSI mode (as in Calcite) and gives
 * NULL otherwise.
 */
final class DatabricksDivision {
  private DatabricksDivision() {
  }

  static RexNode rewrite(RexNode node) {
    if (!(node instanceof RexCall)) {
      return node;
    }
    RexCall call = (RexCall) node;
    boolean integerQuotient = call.getOperator() == SqlStdOperatorTable.DIVIDE_INTEGER
        || call.getOperator() == SqlStdOperatorTable.DIVIDE && SqlTypeUtil.isExactNumeric(call.getType())
            && call.getType().getSqlTypeName() != SqlTypeName.DECIMAL;
    if (!integerQuotient) {
      return node;
    }
    return RexBuilder.DEFAULT.makeCall(call.getType(), DatabricksFunctions.DIV, call.getOperands());
  }
}
