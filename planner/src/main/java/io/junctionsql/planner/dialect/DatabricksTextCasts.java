package io.junctionsql.planner.dialect;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.math.BigDecimal;
import java.util.List;

/**
 * Casts to text of a given length. Spark refuses {@code CAST(x AS CHAR(n))} and {@code VARCHAR(n)}, and
 * its STRING has no length, while Calcite pads CHAR(n) with blanks and cuts both to n characters. So
 * {@code CAST(x AS CHAR(n))} becomes {@code rpad(CAST(x AS STRING), n, ' ')}, which pads and cuts, and a
 * cast of text that may be longer than n to {@code VARCHAR(n)} becomes {@code substring(x, 1, n)}.
 * Casts of numbers and dates to {@code VARCHAR(n)} are written as casts to STRING without cutting.
 */
final class DatabricksTextCasts {
  private DatabricksTextCasts() {
  }

  static RexNode rewrite(RexNode node) {
    if (node.getKind() != SqlKind.CAST) {
      return node;
    }
    RexCall cast = (RexCall) node;
    RelDataType target = cast.getType();
    RexNode operand = cast.getOperands().get(0);
    int length = target.getPrecision();
    if (length == RelDataType.PRECISION_NOT_SPECIFIED) {
      return node;
    }
    RexBuilder b = RexBuilder.DEFAULT;
    if (target.getSqlTypeName() == SqlTypeName.CHAR) {
      RelDataTypeFactory types = b.getTypeFactory();
      RelDataType string = types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR),
          target.isNullable());
      return b.makeCall(target, DatabricksFunctions.RPAD,
          List.of(b.makeCast(string, operand), number(length), b.makeLiteral(" ")));
    }
    if (target.getSqlTypeName() == SqlTypeName.VARCHAR && SqlTypeUtil.inCharFamily(operand.getType())
        && mayBeLongerThan(operand.getType(), length)) {
      return b.makeCall(target, DatabricksFunctions.SUBSTRING, List.of(operand, number(1), number(length)));
    }
    return node;
  }

  private static boolean mayBeLongerThan(RelDataType text, int length) {
    int precision = text.getPrecision();
    return precision == RelDataType.PRECISION_NOT_SPECIFIED || precision > length;
  }

  private static RexNode number(int value) {
    return RexBuilder.DEFAULT.makeExactLiteral(BigDecimal.valueOf(value));
  }
}
