package io.junctionsql.planner.dialect;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
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
 * What the Databricks dialect pushes down, and what it leaves for Junction to compute, with the reason
 * for each refusal. A construct is pushed only when Spark computes what Calcite would: a refused one
 * still runs, in Junction, on rows Spark sends.
 *
 * <p>Refused outside this class, through the dialect's own switches: nested aggregates such as
 * {@code SUM(SUM(x))} ({@code supportsNestedAggregations}; Spark rejects them), {@code COLLATE} and
 * {@code CHARACTER SET} clauses ({@code supportsCharSet}), and types Spark lacks ({@code supportsDataType}:
 * TIME, intervals, TIMESTAMP WITH LOCAL TIME ZONE, arrays, maps, multisets).
 *
 * <p>Note for whoever wires this in: Calcite 1.42's JDBC rules consult {@code supportsAggregateFunction}
 * and {@code supportsAggregateFunctionFilter}, but not {@code supportsFunction}; refusing a scalar
 * function takes a rule that asks {@link #refusal} (or the dialect) before converting a filter or
 * project. Such a rule should look at expressions as the dialect's {@code prepareUnparse} leaves them:
 * Calcite expands {@code TIMESTAMPADD} and {@code TIMESTAMPDIFF} into interval arithmetic that is
 * refused piece by piece here, while the dialect writes the whole as {@code timestampadd},
 * {@code date_add}, {@code datediff} and the like. And {@code supportsFunction} sees types, not values,
 * so a FLOOR or EXTRACT to a unit Spark lacks (DECADE, EPOCH, ISOYEAR, ...) cannot be told apart
 * there; the dialect leaves those as written, and Spark rejects them rather than misreads them.
 */
public final class DatabricksRefusals {
  /** Aggregate functions Spark computes as Calcite does. */
  private static final Set<SqlKind> AGGREGATES = EnumSet.of(
      SqlKind.COUNT, SqlKind.SUM, SqlKind.SUM0, SqlKind.MIN, SqlKind.MAX, SqlKind.AVG,
      SqlKind.STDDEV_POP, SqlKind.STDDEV_SAMP, SqlKind.VAR_POP, SqlKind.VAR_SAMP,
      SqlKind.COVAR_POP, SqlKind.COVAR_SAMP, SqlKind.BIT_AND, SqlKind.BIT_OR, SqlKind.BIT_XOR,
      SqlKind.ANY_VALUE, SqlKind.SINGLE_VALUE, SqlKind.LITERAL_AGG,
      SqlKind.GROUPING, SqlKind.ROLLUP, SqlKind.CUBE, SqlKind.GROUPING_SETS);

  /** Aggregate functions refused, and why. */
  public static final Map<SqlKind, String> REFUSED_AGGREGATES = ImmutableMap.<SqlKind, String>builder()
      .put(SqlKind.LISTAGG, "Spark 3.5 has no LISTAGG (it arrives in Spark 4.0)")
      .put(SqlKind.STRING_AGG, "Spark 3.5 has no STRING_AGG (it arrives in Spark 4.0)")
      .put(SqlKind.ARRAY_AGG, "Spark's collect_list drops nulls, Calcite's ARRAY_AGG keeps them")
      .put(SqlKind.PERCENTILE_CONT, "ordered-set aggregates exist only since Spark 3.3; not verified "
          + "that Spark interpolates as Calcite does")
      .put(SqlKind.PERCENTILE_DISC, "ordered-set aggregates exist only since Spark 3.3; not verified "
          + "that Spark picks the value Calcite picks")
      .put(SqlKind.MODE, "Spark's mode breaks ties its own way")
      .put(SqlKind.COLLECT, "Spark has no multisets")
      .put(SqlKind.FUSION, "Spark has no multisets")
      .put(SqlKind.INTERSECTION, "Spark has no multisets")
      .put(SqlKind.REGR_COUNT, "Spark's regr_* functions arrived in 3.4 and their argument order is not verified")
      .put(SqlKind.REGR_SXX, "Spark's regr_* functions arrived in 3.4 and their argument order is not verified")
      .put(SqlKind.REGR_SYY, "Spark's regr_* functions arrived in 3.4 and their argument order is not verified")
      .put(SqlKind.JSON_ARRAYAGG, "Spark has no JSON aggregation")
      .put(SqlKind.JSON_OBJECTAGG, "Spark has no JSON aggregation")
      .put(SqlKind.ARG_MAX, "Spark spells it max_by, which the dialect does not write")
      .put(SqlKind.ARG_MIN, "Spark spells it min_by, which the dialect does not write")
      .build();

  /** Scalar operators refused, and why. */
  public static final Map<SqlOperator, String> REFUSED_OPERATORS = ImmutableMap.<SqlOperator, String>builder()
      .put(SqlStdOperatorTable.SIMILAR_TO, "Spark has no SIMILAR TO")
      .put(SqlStdOperatorTable.NOT_SIMILAR_TO, "Spark has no SIMILAR TO")
      .put(SqlStdOperatorTable.RAND, "non-deterministic; Spark's generator is not Calcite's")
      .put(SqlStdOperatorTable.RAND_INTEGER, "non-deterministic; Spark's generator is not Calcite's")
      .put(SqlStdOperatorTable.TRUNCATE, "Spark has no numeric TRUNCATE; its trunc is for dates")
      .put(SqlStdOperatorTable.INITCAP, "Spark's initcap starts words after blanks only, Calcite's after any "
          + "character that is not a letter or digit")
      .put(SqlStdOperatorTable.TRANSLATE, "the standard TRANSLATE converts character sets; Spark has no such thing")
      .put(SqlStdOperatorTable.CONVERT, "the standard CONVERT converts character sets; Spark has no such thing")
      .put(SqlStdOperatorTable.CURRENT_TIME, "Spark has no TIME type")
      .put(SqlStdOperatorTable.LOCALTIME, "Spark has no TIME type")
      .put(SqlStdOperatorTable.LOCALTIMESTAMP, "Spark writes it localtimestamp(), with parentheses, and only since 3.4")
      .put(SqlStdOperatorTable.USER, "Spark would answer with the gateway's service principal, not the Junction user")
      .put(SqlStdOperatorTable.CURRENT_USER,
          "Spark would answer with the gateway's service principal, not the Junction user")
      .put(SqlStdOperatorTable.SESSION_USER,
          "Spark would answer with the gateway's service principal, not the Junction user")
      .put(SqlStdOperatorTable.SYSTEM_USER,
          "Spark would answer with the gateway's service principal, not the Junction user")
      .build();

  /** Scalar operators Spark has, as written or as the dialect rewrites them. */
  private static final Set<SqlOperator> FUNCTIONS = ImmutableSet.of(
      SqlStdOperatorTable.UPPER, SqlStdOperatorTable.LOWER, SqlStdOperatorTable.SUBSTRING,
      SqlStdOperatorTable.CONCAT, SqlStdOperatorTable.REPLACE, SqlStdOperatorTable.CHAR_LENGTH,
      SqlStdOperatorTable.CHARACTER_LENGTH, SqlStdOperatorTable.POSITION, SqlStdOperatorTable.TRIM,
      SqlStdOperatorTable.OVERLAY, SqlStdOperatorTable.ASCII,
      SqlStdOperatorTable.ABS, SqlStdOperatorTable.POWER, SqlStdOperatorTable.SQRT, SqlStdOperatorTable.CBRT,
      SqlStdOperatorTable.EXP, SqlStdOperatorTable.LN, SqlStdOperatorTable.LOG10, SqlStdOperatorTable.ROUND,
      SqlStdOperatorTable.SIGN, SqlStdOperatorTable.SIN, SqlStdOperatorTable.COS, SqlStdOperatorTable.TAN,
      SqlStdOperatorTable.ASIN, SqlStdOperatorTable.ACOS, SqlStdOperatorTable.ATAN, SqlStdOperatorTable.ATAN2,
      SqlStdOperatorTable.COT, SqlStdOperatorTable.DEGREES, SqlStdOperatorTable.RADIANS, SqlStdOperatorTable.PI,
      SqlStdOperatorTable.MOD, SqlStdOperatorTable.DIVIDE_INTEGER,
      SqlStdOperatorTable.CURRENT_DATE, SqlStdOperatorTable.CURRENT_TIMESTAMP,
      // Library functions a Junction with Calcite's function libraries switched on would offer;
      // Spark's lpad, rpad, ltrim, rtrim and regexp_replace (Java regular expressions, $1 groups) match them.
      SqlLibraryOperators.LPAD, SqlLibraryOperators.RPAD, SqlLibraryOperators.LTRIM, SqlLibraryOperators.RTRIM,
      SqlLibraryOperators.REGEXP_REPLACE_3);

  /** Operator kinds Spark has, as written or as the dialect rewrites them. */
  private static final Set<SqlKind> KINDS = EnumSet.of(
      SqlKind.AND, SqlKind.OR, SqlKind.NOT,
      SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL,
      SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL,
      SqlKind.IS_NULL, SqlKind.IS_NOT_NULL, SqlKind.IS_TRUE, SqlKind.IS_NOT_TRUE, SqlKind.IS_FALSE,
      SqlKind.IS_NOT_FALSE, SqlKind.IS_UNKNOWN, SqlKind.IS_DISTINCT_FROM,
      SqlKind.IS_NOT_DISTINCT_FROM,
      SqlKind.LIKE, SqlKind.BETWEEN, SqlKind.IN, SqlKind.NOT_IN, SqlKind.SEARCH, SqlKind.EXISTS,
      SqlKind.CASE, SqlKind.COALESCE, SqlKind.NULLIF, SqlKind.CAST,
      SqlKind.PLUS, SqlKind.MINUS, SqlKind.TIMES, SqlKind.DIVIDE, SqlKind.MOD,
      SqlKind.MINUS_PREFIX, SqlKind.PLUS_PREFIX, SqlKind.CEIL, SqlKind.FLOOR, SqlKind.EXTRACT,
      SqlKind.ROW_NUMBER, SqlKind.RANK, SqlKind.DENSE_RANK, SqlKind.NTILE, SqlKind.LAG, SqlKind.LEAD,
      SqlKind.FIRST_VALUE, SqlKind.LAST_VALUE, SqlKind.NTH_VALUE, SqlKind.PERCENT_RANK, SqlKind.CUME_DIST);

  private DatabricksRefusals() {
  }

  static boolean supportsAggregate(SqlKind kind) {
    return AGGREGATES.contains(kind);
  }

  /**
   * Why Spark must not compute a call of this operator with these types, or null when it may.
   * Operators that are neither listed as refused nor known to the dialect are refused as unknown.
   */
  public static @Nullable String refusal(SqlOperator operator, RelDataType type, List<RelDataType> operandTypes) {
    String reason = REFUSED_OPERATORS.get(operator);
    if (reason == null) {
      reason = REFUSED_AGGREGATES.get(operator.getKind());
    }
    if (reason != null) {
      return reason;
    }
    boolean intervals = isInterval(type) || operandTypes.stream().anyMatch(DatabricksRefusals::isInterval);
    RelDataType missing = type;
    for (int i = 0; !lacksType(missing) && i < operandTypes.size(); i++) {
      missing = operandTypes.get(i);
    }
    if (lacksType(missing)) {
      return "Spark has no type like " + missing.getSqlTypeName();
    }
    if (operator.getName().equals(SqlLibraryOperators.REGEXP_REPLACE_3.getName()) && operandTypes.size() > 4) {
      // Calcite's variants share one name; Spark knows a start position but no occurrence or match type.
      return "Spark's regexp_replace takes no occurrence and no match type";
    }
    switch (operator.getKind()) {
    case CAST:
      return castRefusal(type, operandTypes);
    case CEIL:
      // Numeric CEIL has one operand; rounding a date up to a unit has two.
      return operandTypes.size() > 1 ? "rounding a date or time up to a unit: Spark has no such function" : null;
    case PLUS:
    case MINUS:
      return arithmeticRefusal(type);
    default:
      break;
    }
    if (intervals) {
      return "intervals are written only inside date arithmetic; Spark's INTERVAL values do not reach "
          + "a JDBC client as Calcite's do";
    }
    if (FUNCTIONS.contains(operator) || KINDS.contains(operator.getKind())
        || AGGREGATES.contains(operator.getKind())) {
      return null;
    }
    return "the Databricks dialect does not know " + operator.getName();
  }

  private static @Nullable String castRefusal(RelDataType type, List<RelDataType> operandTypes) {
    if (isInterval(type) || operandTypes.stream().anyMatch(DatabricksRefusals::isInterval)) {
      return "Spark's INTERVAL casts are not Calcite's";
    }
    if (type.getSqlTypeName() == SqlTypeName.BOOLEAN && operandTypes.stream()
        .anyMatch(t -> t.getSqlTypeName() != SqlTypeName.BOOLEAN && t.getSqlTypeName() != SqlTypeName.NULL)) {
      return "Spark reads 't', 'yes', '1' and any non-zero number as TRUE; Calcite accepts only 'TRUE' and 'FALSE'";
    }
    return null;
  }

  /**
   * Date arithmetic is pushed only in the forms {@link DatabricksDatetimeArithmetic} rewrites: a DATE or
   * TIMESTAMP plus or minus an interval. Subtracting two dates gives an interval, which stays here.
   */
  private static @Nullable String arithmeticRefusal(RelDataType type) {
    if (isInterval(type)) {
      return "intervals are written only inside date arithmetic; Spark's INTERVAL values do not reach "
          + "a JDBC client as Calcite's do";
    }
    return null;
  }

  /** Whether Spark lacks a type, intervals aside: they are judged by where they occur. */
  private static boolean lacksType(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    return !isInterval(type) && name != SqlTypeName.SYMBOL && name != SqlTypeName.NULL
        && DatabricksCasts.castSpec(type) == null;
  }

  private static boolean isInterval(RelDataType type) {
    SqlTypeFamily family = type.getSqlTypeName().getFamily();
    return family == SqlTypeFamily.INTERVAL_DAY_TIME || family == SqlTypeFamily.INTERVAL_YEAR_MONTH;
  }
}
