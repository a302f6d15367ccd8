package io.junctionsql.planner.dialect;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the HANA dialect pushes down, and what it leaves for Junction to compute, with the reason for
 * each refusal. A construct is pushed only when HANA computes exactly what Calcite would: a refused one
 * still runs, in Junction, on rows HANA sends.
 *
 * <p>Refused outside this class, through the dialect's own switches: aggregate {@code FILTER (WHERE ...)}
 * clauses (HANA has none; {@code supportsAggregateFunctionFilter}), nested aggregates such as
 * {@code SUM(SUM(x))} ({@code supportsNestedAggregations}), {@code APPROX_COUNT_DISTINCT}
 * ({@code supportsApproxCountDistinct}), {@code COLLATE} and {@code CHARACTER SET} clauses
 * ({@code supportsCharSet}).
 *
 * <p>Note for whoever wires this in: Calcite 1.42's JDBC rules consult {@code supportsAggregateFunction}
 * and {@code supportsAggregateFunctionFilter}, but not {@code supportsFunction}; refusing a scalar
 * function takes a rule that asks {@link #refusal} (or the dialect) before converting a filter or project.
 * Such a rule should look at expressions as the dialect's {@code prepareUnparse} leaves them: Calcite
 * expands TIMESTAMPDIFF into interval arithmetic that is refused piece by piece, while the dialect
 * writes the whole as one {@code *_BETWEEN} call. And {@code supportsFunction} sees types, not values,
 * so an EXTRACT of a part HANA lacks (EPOCH, MILLISECOND, ISOYEAR, ...) cannot be told apart there.
 */
public final class HanaRefusals {
  /** Aggregate functions HANA computes as Calcite does. */
  private static final Set<SqlKind> AGGREGATES = EnumSet.of(
      SqlKind.COUNT, SqlKind.SUM, SqlKind.SUM0, SqlKind.MIN, SqlKind.MAX, SqlKind.AVG,
      SqlKind.STDDEV_POP, SqlKind.STDDEV_SAMP, SqlKind.VAR_POP, SqlKind.VAR_SAMP,
      SqlKind.LITERAL_AGG, SqlKind.GROUPING, SqlKind.ROLLUP, SqlKind.CUBE, SqlKind.GROUPING_SETS);

  /** Aggregate functions refused, and why. */
  public static final Map<SqlKind, String> REFUSED_AGGREGATES = ImmutableMap.<SqlKind, String>builder()
      .put(SqlKind.LISTAGG, "an ordered-set aggregate (WITHIN GROUP), which Datasphere views lack")
      .put(SqlKind.STRING_AGG, "an ordered-set aggregate (WITHIN GROUP), which Datasphere views lack")
      .put(SqlKind.ARRAY_AGG, "HANA has no array aggregation matching Calcite's")
      .put(SqlKind.PERCENTILE_CONT, "an ordered-set aggregate (WITHIN GROUP), which Datasphere views lack")
      .put(SqlKind.PERCENTILE_DISC, "an ordered-set aggregate (WITHIN GROUP), which Datasphere views lack")
      .put(SqlKind.MODE, "an ordered-set aggregate in Calcite; HANA has no MODE")
      .put(SqlKind.COLLECT, "HANA has no multisets")
      .put(SqlKind.FUSION, "HANA has no multisets")
      .put(SqlKind.INTERSECTION, "HANA has no multisets")
      .put(SqlKind.ANY_VALUE, "not certain that every HANA version has ANY_VALUE")
      .put(SqlKind.SINGLE_VALUE, "a Calcite check that a sub-query returns one row; HANA would not raise the error")
      .put(SqlKind.BIT_AND, "HANA has bitwise scalars but no bitwise aggregates")
      .put(SqlKind.BIT_OR, "HANA has bitwise scalars but no bitwise aggregates")
      .put(SqlKind.BIT_XOR, "HANA has bitwise scalars but no bitwise aggregates")
      .put(SqlKind.COVAR_POP, "HANA's CORR family does not cover Calcite's covariance functions")
      .put(SqlKind.COVAR_SAMP, "HANA's CORR family does not cover Calcite's covariance functions")
      .put(SqlKind.REGR_COUNT, "HANA has no REGR_* functions")
      .put(SqlKind.REGR_SXX, "HANA has no REGR_* functions")
      .put(SqlKind.REGR_SYY, "HANA has no REGR_* functions")
      .put(SqlKind.JSON_ARRAYAGG, "HANA's JSON aggregation differs")
      .put(SqlKind.JSON_OBJECTAGG, "HANA's JSON aggregation differs")
      .put(SqlKind.ARG_MAX, "HANA has no ARG_MAX")
      .put(SqlKind.ARG_MIN, "HANA has no ARG_MIN")
      .build();

  /** Scalar operators refused, and why. */
  public static final Map<SqlOperator, String> REFUSED_OPERATORS = ImmutableMap.<SqlOperator, String>builder()
      .put(SqlStdOperatorTable.SIMILAR_TO, "SQL regular expressions; HANA's LIKE_REGEXPR speaks PCRE")
      .put(SqlStdOperatorTable.NOT_SIMILAR_TO, "SQL regular expressions; HANA's LIKE_REGEXPR speaks PCRE")
      .put(SqlStdOperatorTable.RAND, "non-deterministic; HANA's generator is not Calcite's")
      .put(SqlStdOperatorTable.RAND_INTEGER, "non-deterministic; HANA's generator is not Calcite's")
      .put(SqlStdOperatorTable.DEGREES, "HANA has no DEGREES")
      .put(SqlStdOperatorTable.RADIANS, "HANA has no RADIANS")
      .put(SqlStdOperatorTable.PI, "HANA has no PI")
      .put(SqlStdOperatorTable.CBRT, "HANA has no CBRT")
      .put(SqlStdOperatorTable.INITCAP, "HANA's INITCAP word boundaries are not certain to match Calcite's")
      .put(SqlStdOperatorTable.OVERLAY, "HANA has no OVERLAY")
      .put(SqlStdOperatorTable.TRANSLATE, "the standard TRANSLATE converts character sets; HANA has no such thing")
      .put(SqlStdOperatorTable.CONVERT, "the standard CONVERT converts character sets; HANA has no such thing")
      .put(SqlStdOperatorTable.LOCALTIME, "HANA has no LOCALTIME")
      .put(SqlStdOperatorTable.LOCALTIMESTAMP, "HANA has no LOCALTIMESTAMP")
      .put(SqlStdOperatorTable.USER, "HANA would answer with the gateway's technical user, not the Junction user")
      .put(SqlStdOperatorTable.CURRENT_USER, "HANA would answer with the gateway's technical user, not the Junction user")
      .put(SqlStdOperatorTable.SESSION_USER, "HANA would answer with the gateway's technical user, not the Junction user")
      .put(SqlStdOperatorTable.SYSTEM_USER, "HANA would answer with the gateway's technical user, not the Junction user")
      .build();

  /** Scalar operators HANA has, as written or as the dialect rewrites them. */
  private static final Set<SqlOperator> FUNCTIONS = ImmutableSet.of(
      SqlStdOperatorTable.UPPER, SqlStdOperatorTable.LOWER, SqlStdOperatorTable.SUBSTRING,
      SqlStdOperatorTable.CONCAT, SqlStdOperatorTable.REPLACE, SqlStdOperatorTable.CHAR_LENGTH,
      SqlStdOperatorTable.CHARACTER_LENGTH, SqlStdOperatorTable.POSITION, SqlStdOperatorTable.TRIM,
      SqlStdOperatorTable.ASCII,
      SqlStdOperatorTable.ABS, SqlStdOperatorTable.POWER, SqlStdOperatorTable.SQRT, SqlStdOperatorTable.EXP,
      SqlStdOperatorTable.LN, SqlStdOperatorTable.LOG10, SqlStdOperatorTable.ROUND, SqlStdOperatorTable.TRUNCATE,
      SqlStdOperatorTable.SIGN, SqlStdOperatorTable.SIN, SqlStdOperatorTable.COS, SqlStdOperatorTable.TAN,
      SqlStdOperatorTable.ASIN, SqlStdOperatorTable.ACOS, SqlStdOperatorTable.ATAN, SqlStdOperatorTable.ATAN2,
      SqlStdOperatorTable.COT, SqlStdOperatorTable.MOD,
      SqlStdOperatorTable.CURRENT_DATE, SqlStdOperatorTable.CURRENT_TIME, SqlStdOperatorTable.CURRENT_TIMESTAMP);

  /** Operator kinds HANA has, as written or as the dialect rewrites them. */
  private static final Set<SqlKind> KINDS = EnumSet.of(
      SqlKind.AND, SqlKind.OR, SqlKind.NOT,
      SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL,
      SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL,
      SqlKind.IS_NULL, SqlKind.IS_NOT_NULL, SqlKind.IS_TRUE, SqlKind.IS_NOT_TRUE, SqlKind.IS_FALSE,
      SqlKind.IS_NOT_FALSE, SqlKind.IS_DISTINCT_FROM, SqlKind.IS_NOT_DISTINCT_FROM,
      SqlKind.LIKE, SqlKind.BETWEEN, SqlKind.IN, SqlKind.NOT_IN, SqlKind.SEARCH, SqlKind.EXISTS,
      SqlKind.CASE, SqlKind.COALESCE, SqlKind.NULLIF, SqlKind.CAST,
      SqlKind.PLUS, SqlKind.MINUS, SqlKind.TIMES, SqlKind.DIVIDE, SqlKind.MOD,
      SqlKind.MINUS_PREFIX, SqlKind.PLUS_PREFIX, SqlKind.CEIL, SqlKind.FLOOR, SqlKind.EXTRACT,
      SqlKind.ROW_NUMBER, SqlKind.RANK, SqlKind.DENSE_RANK, SqlKind.NTILE, SqlKind.LAG, SqlKind.LEAD,
      SqlKind.FIRST_VALUE, SqlKind.LAST_VALUE, SqlKind.PERCENT_RANK, SqlKind.CUME_DIST);

  private HanaRefusals() {
  }

  static boolean supportsAggregate(SqlKind kind) {
    return AGGREGATES.contains(kind);
  }

  /**
   * Why HANA must not compute a call of this operator with these types, or null when it may. Operators
   * that are neither listed as refused nor known to the dialect are refused as unknown.
   */
  public static @Nullable String refusal(SqlOperator operator, RelDataType type, List<RelDataType> operandTypes) {
    if (operator == io.junctionsql.planner.semantic.ConvertCurrencyFunction.INSTANCE) {
      return null; // HANA's own CONVERT_CURRENCY
    }
    String reason = REFUSED_OPERATORS.get(operator);
    if (reason == null) {
      reason = REFUSED_AGGREGATES.get(operator.getKind());
    }
    if (reason != null) {
      return reason;
    }
    if (!isInterval(type) && operandTypes.stream().noneMatch(HanaRefusals::isInterval)
        && HanaCasts.castSpec(type) == null && type.getSqlTypeName() != SqlTypeName.SYMBOL) {
      return "HANA has no type like " + type.getSqlTypeName();
    }
    switch (operator.getKind()) {
    case CAST:
      return castRefusal(type, operandTypes);
    case FLOOR:
    case CEIL:
      // Numeric FLOOR and CEIL have one operand; rounding a date to a unit has two.
      return operandTypes.size() > 1
          ? "rounding a date or time to a unit: HANA 2.0 has no DATE_TRUNC" : null;
    case PLUS:
    case MINUS:
      return arithmeticRefusal(type, operandTypes);
    default:
      break;
    }
    if (operandTypes.stream().anyMatch(HanaRefusals::isInterval) || isInterval(type)) {
      return "HANA has no INTERVAL type";
    }
    if (FUNCTIONS.contains(operator) || KINDS.contains(operator.getKind())
        || AGGREGATES.contains(operator.getKind())) {
      return null;
    }
    return "the HANA dialect does not know " + operator.getName();
  }

  private static @Nullable String castRefusal(RelDataType type, List<RelDataType> operandTypes) {
    if (isInterval(type) || operandTypes.stream().anyMatch(HanaRefusals::isInterval)) {
      return "HANA has no INTERVAL type";
    }
    if (type.getSqlTypeName() == SqlTypeName.BOOLEAN && operandTypes.stream()
        .anyMatch(t -> t.getSqlTypeName() != SqlTypeName.BOOLEAN && t.getSqlTypeName() != SqlTypeName.NULL)) {
      return "HANA's rules for turning text or numbers into BOOLEAN are not Calcite's";
    }
    return null;
  }

  /**
   * Date arithmetic is pushed only in the forms {@link HanaDatetimeArithmetic} rewrites: a DATE or
   * TIMESTAMP plus or minus an interval. Subtracting two dates gives an interval, which HANA lacks.
   */
  private static @Nullable String arithmeticRefusal(RelDataType type, List<RelDataType> operandTypes) {
    boolean intervalOperand = operandTypes.stream().anyMatch(HanaRefusals::isInterval);
    if (isInterval(type)) {
      return "HANA has no INTERVAL type";
    }
    if (intervalOperand && type.getSqlTypeName() != SqlTypeName.DATE
        && type.getSqlTypeName() != SqlTypeName.TIMESTAMP) {
      return "time-of-day arithmetic wraps at midnight in Calcite; HANA's ADD_SECONDS does not";
    }
    return null;
  }

  private static boolean isInterval(RelDataType type) {
    SqlTypeFamily family = type.getSqlTypeName().getFamily();
    return family == SqlTypeFamily.INTERVAL_DAY_TIME || family == SqlTypeFamily.INTERVAL_YEAR_MONTH;
  }
}
