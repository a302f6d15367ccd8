package io.junctionsql.planner.dialect;

import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

import org.checkerframework.checker.nullness.qual.Nullable;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code FLOOR(x TO unit)}: {@code date_trunc('UNIT', ts)} for a TIMESTAMP, {@code trunc(d, 'UNIT')} for
 * a DATE, so that a DATE stays a DATE. Calcite's weeks start on Sunday, Spark's {@code date_trunc} and
 * {@code trunc} weeks on Monday, so a week's start is computed instead:
 * {@code date_add(d, 1 - dayofweek(d))}. Works on expressions because the DATE or TIMESTAMP choice
 * needs the operand's type. CEIL to a unit has no Spark form and is refused by
 * {@link DatabricksRefusals}.
 */
final class DatabricksDatetimeFloors {
  private DatabricksDatetimeFloors() {
  }

  static RexNode rewrite(RexNode node) {
    if (node.getKind() != SqlKind.FLOOR || ((RexCall) node).getOperands().size() != 2) {
      return node;
    }
    RexCall floor = (RexCall) node;
    RexNode x = floor.getOperands().get(0);
    TimeUnitRange unit = unit(floor.getOperands().get(1));
    if (unit == null) {
      return node;
    }
    RexNode spark = x.getType().getSqlTypeName() == SqlTypeName.DATE ? dateFloor(floor.getType(), x, unit)
        : x.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP ? timestampFloor(floor.getType(), x, unit)
        : null;
    return spark == null ? node : spark;
  }

  private static @Nullable RexNode dateFloor(RelDataType type, RexNode date, TimeUnitRange unit) {
    RexBuilder b = RexBuilder.DEFAULT;
    switch (unit) {
    case YEAR:
    case QUARTER:
    case MONTH:
      return b.makeCall(type, DatabricksFunctions.TRUNC, List.of(date, b.makeLiteral(unit.name())));
    case WEEK:
      return sunday(type, date, date);
    case DAY:
      return date;
    default:
      return null;
    }
  }

  private static @Nullable RexNode timestampFloor(RelDataType type, RexNode timestamp, TimeUnitRange unit) {
    RexBuilder b = RexBuilder.DEFAULT;
    switch (unit) {
    case YEAR:
    case QUARTER:
    case MONTH:
    case DAY:
    case HOUR:
    case MINUTE:
    case SECOND:
    case MILLISECOND:
      return b.makeCall(type, DatabricksFunctions.DATE_TRUNC, List.of(b.makeLiteral(unit.name()), timestamp));
    case WEEK:
      RelDataType date = b.getTypeFactory().createTypeWithNullability(
          b.getTypeFactory().createSqlType(SqlTypeName.DATE), type.isNullable());
      return b.makeCast(type, sunday(date, b.makeCast(date, timestamp), timestamp));
    default:
      return null;
    }
  }

  /** The Sunday on or before a date: {@code date_add(d, 1 - dayofweek(x))}, Sunday being day 1. */
  private static RexNode sunday(RelDataType type, RexNode date, RexNode x) {
    RexBuilder b = RexBuilder.DEFAULT;
    RelDataType integer = b.getTypeFactory().createTypeWithNullability(
        b.getTypeFactory().createSqlType(SqlTypeName.INTEGER), x.getType().isNullable());
    RexNode dayOfWeek = b.makeCall(integer, DatabricksFunctions.DAYOFWEEK, List.of(x));
    RexNode back = b.makeCall(integer, SqlStdOperatorTable.MINUS,
        List.of(b.makeExactLiteral(BigDecimal.ONE), dayOfWeek));
    return b.makeCall(type, DatabricksFunctions.DATE_ADD, List.of(date, back));
  }

  private static @Nullable TimeUnitRange unit(RexNode node) {
    return node instanceof RexLiteral ? ((RexLiteral) node).getValueAs(TimeUnitRange.class) : null;
  }
}
