package io.junctionsql.planner.dialect;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

import org.checkerframework.checker.nullness.qual.Nullable;

import java.math.BigDecimal;
import java.util.List;

/**
 * Rewrites Calcite's date arithmetic, before it becomes SQL, into HANA's named functions. HANA has no
 * INTERVAL type, so {@code d + INTERVAL '3' DAY} and {@code TIMESTAMPADD} become {@code ADD_DAYS},
 * {@code ADD_MONTHS}, {@code ADD_YEARS} or {@code ADD_SECONDS}, and {@code TIMESTAMPDIFF} becomes one of
 * the {@code *_BETWEEN} functions.
 *
 * <p>This works on expressions rather than on SQL because only there is an interval's value exact:
 * Calcite 1.42 prints a one-week interval as {@code INTERVAL '7' WEEK} and a quarter as
 * {@code INTERVAL '3' QUARTER}, so the printed text cannot be trusted.
 */
final class HanaDatetimeArithmetic {
  private static final BigDecimal MILLIS_PER_SECOND = BigDecimal.valueOf(1_000);
  private static final BigDecimal MILLIS_PER_DAY = BigDecimal.valueOf(86_400_000);
  private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);

  private HanaDatetimeArithmetic() {
  }

  /** The HANA form of an expression, or the expression itself when it is no date arithmetic. */
  static RexNode rewrite(RexNode node) {
    if (!(node instanceof RexCall)) {
      return node;
    }
    RexCall call = (RexCall) node;
    RexNode rewritten = null;
    if (call.getOperator() == SqlStdOperatorTable.DATETIME_PLUS) {
      rewritten = addInterval(call, false);
    } else if (call.getOperator() == SqlStdOperatorTable.MINUS_DATE) {
      rewritten = addInterval(call, true);
    } else if (call.getKind() == SqlKind.CAST) {
      rewritten = difference(call);
    }
    return rewritten == null ? node : rewritten;
  }

  /** {@code d + interval} or {@code d - interval}, where the interval is a literal or literal × n. */
  private static @Nullable RexNode addInterval(RexCall call, boolean subtract) {
    RexNode datetime = call.getOperands().get(0);
    RexNode interval = call.getOperands().get(1);
    if (!subtract && isInterval(datetime.getType()) && !isInterval(interval.getType())) {
      RexNode swap = datetime;
      datetime = interval;
      interval = swap;
    }
    SqlTypeName datetimeType = datetime.getType().getSqlTypeName();
    // TIME arithmetic wraps around midnight in Calcite; no ADD_* function does that.
    if (datetimeType != SqlTypeName.DATE && datetimeType != SqlTypeName.TIMESTAMP
        || !isInterval(interval.getType())) {
      return null;
    }
    IntervalAmount amount = IntervalAmount.of(interval);
    if (amount == null) {
      return null;
    }
    if (subtract) {
      amount = amount.negate();
    }
    SqlFunction function;
    BigDecimal factor;
    if (amount.yearMonth) {
      boolean wholeYears = amount.factor.remainder(MONTHS_PER_YEAR).signum() == 0;
      function = wholeYears ? HanaFunctions.ADD_YEARS : HanaFunctions.ADD_MONTHS;
      factor = wholeYears ? amount.factor.divide(MONTHS_PER_YEAR) : amount.factor;
    } else {
      boolean wholeDays = amount.factor.remainder(MILLIS_PER_DAY).signum() == 0;
      function = wholeDays ? HanaFunctions.ADD_DAYS : HanaFunctions.ADD_SECONDS;
      factor = amount.factor.divide(wholeDays ? MILLIS_PER_DAY : MILLIS_PER_SECOND);
    }
    return RexBuilder.DEFAULT.makeCall(call.getType(), function,
        List.of(datetime, IntervalAmount.times(factor, amount.multiplier)));
  }

  /**
   * Calcite turns {@code TIMESTAMPDIFF(unit, a, b)} into
   * {@code CAST(/INT(Reinterpret(b - a), unitLength) AS INTEGER)}, an expression no database can read;
   * this recognises that shape.
   */
  private static @Nullable RexNode difference(RexCall cast) {
    RexNode operand = cast.getOperands().get(0);
    BigDecimal divisor = BigDecimal.ONE;
    if (operand.getKind() == SqlKind.DIVIDE && operand instanceof RexCall
        && ((RexCall) operand).getOperator() == SqlStdOperatorTable.DIVIDE_INTEGER) {
      RexCall divide = (RexCall) operand;
      if (!(divide.getOperands().get(1) instanceof RexLiteral)) {
        return null;
      }
      divisor = ((RexLiteral) divide.getOperands().get(1)).getValueAs(BigDecimal.class);
      operand = divide.getOperands().get(0);
    }
    if (divisor == null || operand.getKind() != SqlKind.REINTERPRET) {
      return null;
    }
    RexNode minus = ((RexCall) operand).getOperands().get(0);
    if (!(minus instanceof RexCall) || ((RexCall) minus).getOperator() != SqlStdOperatorTable.MINUS_DATE) {
      return null;
    }
    RexNode later = ((RexCall) minus).getOperands().get(0);
    RexNode earlier = ((RexCall) minus).getOperands().get(1);
    SqlFunction function;
    BigDecimal unitsPerResult;
    if (isYearMonth(minus.getType())) {
      boolean years = divisor.remainder(MONTHS_PER_YEAR).signum() == 0;
      function = years ? HanaFunctions.YEARS_BETWEEN : HanaFunctions.MONTHS_BETWEEN;
      unitsPerResult = years ? divisor.divide(MONTHS_PER_YEAR) : divisor;
    } else if (divisor.remainder(MILLIS_PER_DAY).signum() == 0) {
      function = HanaFunctions.DAYS_BETWEEN;
      unitsPerResult = divisor.divide(MILLIS_PER_DAY);
    } else if (divisor.remainder(MILLIS_PER_SECOND).signum() == 0) {
      function = HanaFunctions.SECONDS_BETWEEN;
      unitsPerResult = divisor.divide(MILLIS_PER_SECOND);
    } else {
      // Milliseconds and finer: HANA counts in seconds or 100 ns ticks, neither matches Calcite's millisecond.
      return null;
    }
    RexBuilder b = RexBuilder.DEFAULT;
    RexNode between = b.makeCall(cast.getType(), function, List.of(earlier, later));
    if (unitsPerResult.compareTo(BigDecimal.ONE) == 0) {
      return between;
    }
    // Hours and minutes: whole units elapsed. (Weeks and quarters divide once more, outside the cast,
    // which HanaDivision writes.)
    return HanaDivision.truncatedQuotient(cast.getType(), between, b.makeExactLiteral(unitsPerResult));
  }


  private static boolean isInterval(RelDataType type) {
    return SqlTypeName.INTERVAL_TYPES.contains(type.getSqlTypeName());
  }

  private static boolean isYearMonth(RelDataType type) {
    return type.getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH;
  }

}
