package io.junctionsql.planner.dialect;

import io.junctionsql.planner.dialect.DatabricksFunctions.Unit;

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
 * Rewrites Calcite's date arithmetic, before it becomes SQL, into Spark's functions.
 *
 * <p>Adding to a DATE keeps a DATE: {@code date_add(d, days)} or {@code add_months(d, months)} (Spark 3
 * clamps to the end of a shorter month, as Calcite does). Adding to a TIMESTAMP gives
 * {@code timestampadd(unit, n, ts)} (Spark 3.3+). Spark would also read {@code d + INTERVAL '1' DAY},
 * but Calcite's {@code n * INTERVAL '1' DAY} would turn a DATE into a TIMESTAMP there, so intervals are
 * never written.
 *
 * <p>Calcite expands {@code TIMESTAMPDIFF(unit, a, b)} into
 * {@code CAST(/INT(Reinterpret(b - a), unitLength) AS INTEGER)}; this recognises that shape and writes
 * {@code datediff(b, a)} for days between dates (the later date first; hours, minutes and seconds between
 * dates are whole days times 24, 1440 or 86400), and {@code timestampdiff(unit, a, b)} otherwise (Spark 3.3+, whole units truncated toward zero as in
 * Calcite). Weeks and quarters are divided once more by Calcite, outside the cast, and come out as
 * {@code DIV}.
 *
 * <p>This works on expressions, where an interval's value is exact; Calcite 1.42 prints a week as
 * {@code INTERVAL '7' WEEK}, so printed intervals cannot be trusted.
 */
final class DatabricksDatetimeArithmetic {
  private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);
  /** Spark's day-time units and their length in milliseconds, longest first. */
  private static final List<UnitLength> DAY_TIME_UNITS = List.of(
      new UnitLength(Unit.DAY, 86_400_000), new UnitLength(Unit.HOUR, 3_600_000),
      new UnitLength(Unit.MINUTE, 60_000), new UnitLength(Unit.SECOND, 1_000),
      new UnitLength(Unit.MILLISECOND, 1));

  private DatabricksDatetimeArithmetic() {
  }

  /** The Spark form of an expression, or the expression itself when it is no date arithmetic. */
  static RexNode rewrite(RexNode node) {
    if (!(node instanceof RexCall)) {
      return node;
    }
    RexCall call = (RexCall) node;
    RexNode rewritten = null;
    if (call.getOperator() == SqlStdOperatorTable.DATETIME_PLUS) {
      rewritten = add(call, false);
    } else if (call.getOperator() == SqlStdOperatorTable.MINUS_DATE && !isInterval(call.getType())) {
      rewritten = add(call, true);
    } else if (call.getKind() == SqlKind.CAST) {
      rewritten = difference(call);
    }
    return rewritten == null ? node : rewritten;
  }

  /** {@code d + interval} or {@code d - interval}, where the interval is a literal or literal × n. */
  private static @Nullable RexNode add(RexCall call, boolean subtract) {
    RexNode datetime = call.getOperands().get(0);
    RexNode interval = call.getOperands().get(1);
    if (!subtract && isInterval(datetime.getType())) {
      RexNode swap = datetime;
      datetime = interval;
      interval = swap;
    }
    IntervalAmount amount = IntervalAmount.of(interval);
    if (amount == null) {
      return null;
    }
    return addAmount(call, datetime, subtract ? amount.negate() : amount);
  }

  private static @Nullable RexNode addAmount(RexCall call, RexNode datetime, IntervalAmount amount) {
    RexBuilder b = RexBuilder.DEFAULT;
    SqlTypeName result = call.getType().getSqlTypeName();
    if (result == SqlTypeName.DATE) {
      if (amount.yearMonth) {
        return b.makeCall(call.getType(), DatabricksFunctions.ADD_MONTHS, List.of(datetime, amount.count(1)));
      }
      UnitLength day = DAY_TIME_UNITS.get(0);
      // Hours added to a DATE have no DATE-valued Spark form.
      return day.divides(amount.factor)
          ? b.makeCall(call.getType(), DatabricksFunctions.DATE_ADD, List.of(datetime, amount.count(day.millis)))
          : null;
    }
    if (result != SqlTypeName.TIMESTAMP) {
      // TIME arithmetic wraps at midnight in Calcite; Spark has no TIME type.
      return null;
    }
    Unit unit;
    long unitSize;
    if (amount.yearMonth) {
      boolean years = amount.factor.remainder(MONTHS_PER_YEAR).signum() == 0;
      unit = years ? Unit.YEAR : Unit.MONTH;
      unitSize = years ? 12 : 1;
    } else {
      UnitLength length = DAY_TIME_UNITS.stream().filter(u -> u.divides(amount.factor)).findFirst()
          .orElse(null);
      if (length == null) {
        return null;
      }
      unit = length.unit;
      unitSize = length.millis;
    }
    return b.makeCall(call.getType(), DatabricksFunctions.TIMESTAMPADD,
        List.of(b.makeFlag(unit), amount.count(unitSize), datetime));
  }

  private static @Nullable RexNode difference(RexCall cast) {
    RexNode operand = cast.getOperands().get(0);
    long divisor = 1;
    if (operand instanceof RexCall && ((RexCall) operand).getOperator() == SqlStdOperatorTable.DIVIDE_INTEGER) {
      RexCall divide = (RexCall) operand;
      if (!(divide.getOperands().get(1) instanceof RexLiteral)) {
        return null;
      }
      BigDecimal value = ((RexLiteral) divide.getOperands().get(1)).getValueAs(BigDecimal.class);
      if (value == null) {
        return null;
      }
      divisor = value.longValueExact();
      operand = divide.getOperands().get(0);
    }
    if (operand.getKind() != SqlKind.REINTERPRET) {
      return null;
    }
    RexNode minus = ((RexCall) operand).getOperands().get(0);
    if (!(minus instanceof RexCall) || ((RexCall) minus).getOperator() != SqlStdOperatorTable.MINUS_DATE) {
      return null;
    }
    RexNode later = ((RexCall) minus).getOperands().get(0);
    RexNode earlier = ((RexCall) minus).getOperands().get(1);
    Unit unit = differenceUnit(minus.getType(), divisor);
    if (unit == null) {
      return null;
    }
    RexBuilder b = RexBuilder.DEFAULT;
    if (isDate(later) && isDate(earlier) && divisor <= DAY_TIME_UNITS.get(0).millis
        && unit != Unit.MONTH && unit != Unit.YEAR) {
      // Between dates, days are exact; timestampdiff would first turn both into timestamps at midnight
      // in the session time zone, where a daylight-saving change makes a day 23 or 25 hours long.
      RexNode days = b.makeCall(cast.getType(), DatabricksFunctions.DATEDIFF, List.of(later, earlier));
      long perDay = DAY_TIME_UNITS.get(0).millis / divisor;
      return perDay == 1 ? days
          : b.makeCall(cast.getType(), SqlStdOperatorTable.MULTIPLY, List.of(days, b.makeExactLiteral(
              BigDecimal.valueOf(perDay))));
    }
    return b.makeCall(cast.getType(), DatabricksFunctions.TIMESTAMPDIFF, List.of(b.makeFlag(unit), earlier, later));
  }

  private static @Nullable Unit differenceUnit(RelDataType interval, long divisor) {
    if (interval.getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH) {
      return divisor == 1 ? Unit.MONTH : divisor == 12 ? Unit.YEAR : null;
    }
    return DAY_TIME_UNITS.stream().filter(u -> u.millis == divisor).map(u -> u.unit).findFirst().orElse(null);
  }

  private static boolean isDate(RexNode node) {
    return node.getType().getSqlTypeName() == SqlTypeName.DATE;
  }

  private static boolean isInterval(RelDataType type) {
    return SqlTypeName.INTERVAL_TYPES.contains(type.getSqlTypeName());
  }

  /** A Spark unit and its length in milliseconds. */
  private static final class UnitLength {
    final Unit unit;
    final long millis;

    UnitLength(Unit unit, long millis) {
      this.unit = unit;
      this.millis = millis;
    }

    boolean divides(BigDecimal amount) {
      return amount.remainder(BigDecimal.valueOf(millis)).signum() == 0;
    }
  }

}
