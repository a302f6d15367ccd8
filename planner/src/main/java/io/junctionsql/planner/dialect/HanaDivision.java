package io.junctionsql.planner.dialect;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.math.BigDecimal;
import java.util.List;

/**
 * Integer division. Calcite divides integers to an integer, truncating toward zero ({@code 7 / 2} is 3),
 * and writes its internal {@code /INT} for it; HANA's "/" gives a decimal ({@code 7 / 2} is 3.5). So an
 * integer quotient is truncated explicitly: {@code CAST(ROUND(a / b, 0, ROUND_DOWN) AS INTEGER)}.
 */
final class HanaDivision {
  private HanaDivision() {
  }

  /** The HANA form of an integer division, or the expression itself when it is none. */
  static RexNode rewrite(RexNode node) {
    if (!(node instanceof RexCall)) {
      return node;
    }
    RexCall call = (RexCall) node;
    boolean integerQuotient = call.getOperator() == SqlStdOperatorTable.DIVIDE_INTEGER
        || call.getOperator() == SqlStdOperatorTable.DIVIDE && SqlTypeUtil.isExactNumeric(call.getType())
            && call.getType().getScale() <= 0 && call.getType().getSqlTypeName() != SqlTypeName.DECIMAL;
    if (!integerQuotient) {
      return node;
    }
    return truncatedQuotient(call.getType(), call.getOperands().get(0), call.getOperands().get(1));
  }

  /** {@code CAST(ROUND(dividend / divisor, 0, ROUND_DOWN) AS type)}. */
  static RexNode truncatedQuotient(RelDataType type, RexNode dividend, RexNode divisor) {
    RexBuilder b = RexBuilder.DEFAULT;
    // Typed as a decimal, as HANA computes it, so that it is not taken for an integer division again.
    RelDataType decimal = b.getTypeFactory().createSqlType(SqlTypeName.DECIMAL);
    RexNode quotient = b.makeCall(decimal, SqlStdOperatorTable.DIVIDE, List.of(dividend, divisor));
    RexNode truncated = b.makeCall(decimal, HanaFunctions.ROUND,
        List.of(quotient, b.makeExactLiteral(BigDecimal.ZERO), b.makeFlag(HanaFunctions.RoundingMode.ROUND_DOWN)));
    return b.makeCast(type, truncated);
  }
}
