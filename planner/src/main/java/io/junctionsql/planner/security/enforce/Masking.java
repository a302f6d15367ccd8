package io.junctionsql.planner.security.enforce;

import io.junctionsql.planner.security.Mask;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/** The type and the value a masked column shows in place of its own. */
final class Masking {
  static final String REDACTED = "****";

  private Masking() {
  }

  /**
   * A redacted string column becomes VARCHAR wide enough for {@code ****} (a CHAR(1) could not hold it, and a
   * padded CHAR would differ between engines); any other masked column keeps its type and becomes nullable.
   */
  static RelDataType type(Mask mask, RelDataType column, RelDataTypeFactory types) {
    if (redactsText(mask, column)) {
      int precision = column.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED ? RelDataType.PRECISION_NOT_SPECIFIED
          : Math.max(REDACTED.length(), column.getPrecision());
      RelDataType varchar = precision == RelDataType.PRECISION_NOT_SPECIFIED
          ? types.createSqlType(SqlTypeName.VARCHAR) : types.createSqlType(SqlTypeName.VARCHAR, precision);
      return types.createTypeWithNullability(varchar, column.isNullable());
    }
    return types.createTypeWithNullability(column, true);
  }

  /** The constant that replaces every value of the column; {@code type} is {@link #type}'s answer. */
  static RexNode value(Mask mask, RelDataType column, RelDataType type, RexBuilder rex) {
    return redactsText(mask, column) ? rex.makeLiteral(REDACTED, type, true) : rex.makeNullLiteral(type);
  }

  private static boolean redactsText(Mask mask, RelDataType column) {
    return mask == Mask.REDACT && SqlTypeFamily.CHARACTER.contains(column);
  }
}
