package io.junctionsql.planner.dialect;

import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Spark's own functions, as Calcite operators, so that rewritten calls are built as trees and printed
 * with Calcite's spacing and parentheses (and, by Calcite's writer, in upper case; Spark reads names
 * regardless of case). They are never offered to users: only the dialect builds them.
 */
final class DatabricksFunctions {
  /** {@code date_add(date, days)}: a DATE. */
  static final SqlFunction DATE_ADD = datetime("date_add", ReturnTypes.ARG0_NULLABLE);
  /** {@code add_months(date, months)}: a DATE, clamped to the end of a shorter month. */
  static final SqlFunction ADD_MONTHS = datetime("add_months", ReturnTypes.ARG0_NULLABLE);
  /** {@code timestampadd(unit, count, timestamp)}, Spark 3.3 and later. */
  static final SqlFunction TIMESTAMPADD = datetime("timestampadd", ReturnTypes.ARG2_NULLABLE);
  /** {@code datediff(end, start)}: days from start to end; the later date comes first. */
  static final SqlFunction DATEDIFF = datetime("datediff", ReturnTypes.INTEGER_NULLABLE);
  /** {@code timestampdiff(unit, start, end)}, Spark 3.3 and later: whole units, truncated. */
  static final SqlFunction TIMESTAMPDIFF = datetime("timestampdiff", ReturnTypes.BIGINT_NULLABLE);
  /** {@code date_trunc(unit, timestamp)}: a TIMESTAMP. */
  static final SqlFunction DATE_TRUNC = datetime("date_trunc", ReturnTypes.ARG1_NULLABLE);
  /** {@code trunc(date, unit)}: a DATE; knows YEAR, QUARTER, MONTH and WEEK only. */
  static final SqlFunction TRUNC = datetime("trunc", ReturnTypes.ARG0_NULLABLE);

  static final SqlFunction YEAR = datetimePart("year");
  static final SqlFunction QUARTER = datetimePart("quarter");
  static final SqlFunction MONTH = datetimePart("month");
  static final SqlFunction DAYOFMONTH = datetimePart("dayofmonth");
  static final SqlFunction DAYOFYEAR = datetimePart("dayofyear");
  /** Sunday is 1, Saturday is 7, as in Calcite. */
  static final SqlFunction DAYOFWEEK = datetimePart("dayofweek");
  /** Monday is 0, Sunday is 6. */
  static final SqlFunction WEEKDAY = datetimePart("weekday");
  /** The ISO 8601 week: weeks start on Monday, week 1 has the year's first Thursday. */
  static final SqlFunction WEEKOFYEAR = datetimePart("weekofyear");
  static final SqlFunction HOUR = datetimePart("hour");
  static final SqlFunction MINUTE = datetimePart("minute");
  /** Whole seconds; unlike {@code EXTRACT(SECOND FROM ts)}, which in Spark keeps the fraction. */
  static final SqlFunction SECOND = datetimePart("second");

  /** {@code instr(haystack, needle)}: the haystack first, unlike POSITION. */
  static final SqlFunction INSTR = string("instr", ReturnTypes.INTEGER_NULLABLE);
  /** {@code locate(needle, haystack, start)}: the needle first, as in POSITION. */
  static final SqlFunction LOCATE = string("locate", ReturnTypes.INTEGER_NULLABLE);
  /** {@code substring(s, start, length)}; a start below 1 counts from the end in Spark. */
  static final SqlFunction SUBSTRING = string("substring", ReturnTypes.ARG0_NULLABLE_VARYING);
  static final SqlFunction TRIM = string("trim", ReturnTypes.ARG0_NULLABLE_VARYING);
  static final SqlFunction LTRIM = string("ltrim", ReturnTypes.ARG0_NULLABLE_VARYING);
  static final SqlFunction RTRIM = string("rtrim", ReturnTypes.ARG0_NULLABLE_VARYING);
  /** {@code rpad(s, length, pad)}: pads or cuts to exactly the length. */
  static final SqlFunction RPAD = string("rpad", ReturnTypes.ARG0_NULLABLE_VARYING);

  static final SqlFunction GREATEST =
      SqlBasicFunction.create("greatest", ReturnTypes.LEAST_RESTRICTIVE, OperandTypes.VARIADIC,
          SqlFunctionCategory.SYSTEM);
  /** {@code pi()}: Spark needs the parentheses that Calcite's PI leaves out. */
  static final SqlFunction PI =
      SqlBasicFunction.create("pi", ReturnTypes.DOUBLE, OperandTypes.NILADIC, SqlFunctionCategory.NUMERIC);
  static final SqlFunction GROUPING_ID =
      SqlBasicFunction.create("grouping_id", ReturnTypes.BIGINT, OperandTypes.VARIADIC,
          SqlFunctionCategory.SYSTEM);
  /** {@code raise_error(message)}: fails the query, Spark 3.1 and later. */
  static final SqlFunction RAISE_ERROR =
      SqlBasicFunction.create("raise_error", ReturnTypes.explicit(SqlTypeName.NULL),
          OperandTypes.VARIADIC, SqlFunctionCategory.SYSTEM);

  /**
   * {@code a DIV b}: integer division truncating toward zero, as Calcite divides integers. Spark's "/"
   * always gives a fraction. It binds as tightly as "*" and "/".
   */
  static final SqlBinaryOperator DIV =
      new SqlBinaryOperator("DIV", SqlKind.OTHER, 60, true, ReturnTypes.BIGINT_NULLABLE,
          InferTypes.FIRST_KNOWN, OperandTypes.EXACT_NUMERIC_EXACT_NUMERIC);

  /** Spark's time units, printed bare as the first argument of timestampadd and timestampdiff. */
  enum Unit {
    YEAR, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND, MILLISECOND
  }

  private DatabricksFunctions() {
  }

  private static SqlFunction datetime(String name, SqlReturnTypeInference returnType) {
    return SqlBasicFunction.create(name, returnType, OperandTypes.VARIADIC, SqlFunctionCategory.TIMEDATE);
  }

  private static SqlFunction datetimePart(String name) {
    return datetime(name, ReturnTypes.INTEGER_NULLABLE);
  }

  private static SqlFunction string(String name, SqlReturnTypeInference returnType) {
    return SqlBasicFunction.create(name, returnType, OperandTypes.VARIADIC, SqlFunctionCategory.STRING);
  }
}
