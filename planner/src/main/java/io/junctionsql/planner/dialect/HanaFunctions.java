package io.junctionsql.planner.dialect;

import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * HANA's own functions, as Calcite operators, so that rewritten calls can be built as trees and printed
 * with Calcite's usual spacing and parentheses. They are never offered to users: only the dialect builds them.
 */
final class HanaFunctions {
  static final SqlFunction ADD_DAYS = datetime("ADD_DAYS");
  static final SqlFunction ADD_MONTHS = datetime("ADD_MONTHS");
  static final SqlFunction ADD_YEARS = datetime("ADD_YEARS");
  static final SqlFunction ADD_SECONDS = datetime("ADD_SECONDS");

  static final SqlFunction DAYS_BETWEEN = between("DAYS_BETWEEN");
  static final SqlFunction SECONDS_BETWEEN = between("SECONDS_BETWEEN");
  static final SqlFunction MONTHS_BETWEEN = between("MONTHS_BETWEEN");
  static final SqlFunction YEARS_BETWEEN = between("YEARS_BETWEEN");

  static final SqlFunction YEAR = datetimePart("YEAR");
  static final SqlFunction MONTH = datetimePart("MONTH");
  static final SqlFunction DAYOFMONTH = datetimePart("DAYOFMONTH");
  static final SqlFunction DAYOFYEAR = datetimePart("DAYOFYEAR");
  static final SqlFunction HOUR = datetimePart("HOUR");
  static final SqlFunction MINUTE = datetimePart("MINUTE");
  static final SqlFunction SECOND = datetimePart("SECOND");
  /** Monday is 0, Sunday is 6. */
  static final SqlFunction WEEKDAY = datetimePart("WEEKDAY");
  /** The ISO week as text, such as {@code 2024-W05}. */
  static final SqlFunction ISOWEEK =
      SqlBasicFunction.create("ISOWEEK", ReturnTypes.VARCHAR_NULLABLE, OperandTypes.VARIADIC,
          SqlFunctionCategory.TIMEDATE);

  /** {@code LOCATE(haystack, needle [, start])}: the haystack comes first, unlike POSITION. */
  static final SqlFunction LOCATE =
      SqlBasicFunction.create("LOCATE", ReturnTypes.INTEGER_NULLABLE, OperandTypes.VARIADIC,
          SqlFunctionCategory.STRING);
  static final SqlFunction LENGTH =
      SqlBasicFunction.create("LENGTH", ReturnTypes.INTEGER_NULLABLE, OperandTypes.VARIADIC,
          SqlFunctionCategory.STRING);
  static final SqlFunction RPAD =
      SqlBasicFunction.create("RPAD", ReturnTypes.ARG0_NULLABLE_VARYING, OperandTypes.VARIADIC,
          SqlFunctionCategory.STRING);

  /** {@code ROUND(x, places, mode)}; with {@link RoundingMode#ROUND_DOWN} it truncates toward zero. */
  static final SqlFunction ROUND =
      SqlBasicFunction.create("ROUND", ReturnTypes.ARG0_NULLABLE, OperandTypes.VARIADIC,
          SqlFunctionCategory.NUMERIC);
  /** {@code LOG(base, x)}; HANA has no LOG10. */
  static final SqlFunction LOG =
      SqlBasicFunction.create("LOG", ReturnTypes.DOUBLE_NULLABLE, OperandTypes.VARIADIC,
          SqlFunctionCategory.NUMERIC);

  /** HANA's rounding-mode keywords, printed bare as the third argument of ROUND. */
  enum RoundingMode {
    ROUND_DOWN
  }

  private HanaFunctions() {
  }

  private static SqlFunction datetime(String name) {
    return SqlBasicFunction.create(name, ReturnTypes.ARG0_NULLABLE, OperandTypes.VARIADIC,
        SqlFunctionCategory.TIMEDATE);
  }

  private static SqlFunction between(String name) {
    return SqlBasicFunction.create(name, ReturnTypes.BIGINT_NULLABLE, OperandTypes.VARIADIC,
        SqlFunctionCategory.TIMEDATE);
  }

  private static SqlFunction datetimePart(String name) {
    return SqlBasicFunction.create(name, ReturnTypes.INTEGER_NULLABLE, OperandTypes.VARIADIC,
        SqlFunctionCategory.TIMEDATE);
  }
}
