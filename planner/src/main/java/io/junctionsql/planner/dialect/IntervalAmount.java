package io.junctionsql.planner.dialect;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

import org.checkerframework.checker.nullness.qual.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * An interval expression as factor × multiplier: months (year-month intervals) or milliseconds
 * (day-time intervals) per unit, times an optional expression such as TIMESTAMPADD's count. The
 * dialects that write date arithmetic as function calls (HANA's ADD_DAYS, Spark's date_add) read
 * Calcite's intervals through this, so the values stay exact.
 */
final class IntervalAmount {
  final boolean yearMonth;
  final BigDecimal factor;
  final @Nullable RexNode multiplier;

  private IntervalAmount(boolean yearMonth, BigDecimal factor, @Nullable RexNode multiplier) {
    this.yearMonth = yearMonth;
    this.factor = factor;
    this.multiplier = multiplier;
  }

  /** The amount of an interval literal, or of a literal times an expression; null for anything else. */
  static @Nullable IntervalAmount of(RexNode interval) {
    if (interval instanceof RexLiteral) {
      return literal((RexLiteral) interval, null);
    }
    if (interval.getKind() == SqlKind.TIMES) {
      List<RexNode> operands = ((RexCall) interval).getOperands();
      for (int i = 0; i < 2; i++) {
        if (operands.get(i) instanceof RexLiteral && isInterval(operands.get(i).getType())) {
          return literal((RexLiteral) operands.get(i), operands.get(1 - i));
        }
      }
    }
    return null;
  }

  private static @Nullable IntervalAmount literal(RexLiteral literal, @Nullable RexNode multiplier) {
    if (!isInterval(literal.getType())) {
      return null;
    }
    BigDecimal value = literal.getValueAs(BigDecimal.class);
    boolean yearMonth = literal.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH;
    return value == null ? null : new IntervalAmount(yearMonth, value, multiplier);
  }

  IntervalAmount negate() {
    return new IntervalAmount(yearMonth, factor.negate(), multiplier);
  }

  /** How many units of the given size (in months or milliseconds) the amount is. */
  RexNode count(long unitSize) {
    return times(factor.divide(BigDecimal.valueOf(unitSize)).setScale(0, RoundingMode.UNNECESSARY), multiplier);
  }

  /** {@code factor × multiplier}, folded when the multiplier is a number literal. */
  static RexNode times(BigDecimal factor, @Nullable RexNode multiplier) {
    RexBuilder b = RexBuilder.DEFAULT;
    if (multiplier == null) {
      return b.makeExactLiteral(factor);
    }
    if (multiplier instanceof RexLiteral) {
      BigDecimal value = ((RexLiteral) multiplier).getValueAs(BigDecimal.class);
      if (value != null) {
        return b.makeExactLiteral(factor.multiply(value));
      }
    }
    if (factor.compareTo(BigDecimal.ONE) == 0) {
      return multiplier;
    }
    if (factor.compareTo(BigDecimal.ONE.negate()) == 0) {
      return b.makeCall(SqlStdOperatorTable.UNARY_MINUS, multiplier);
    }
    return b.makeCall(SqlStdOperatorTable.MULTIPLY, b.makeExactLiteral(factor), multiplier);
  }

  static boolean isInterval(RelDataType type) {
    return SqlTypeName.INTERVAL_TYPES.contains(type.getSqlTypeName());
  }
}
