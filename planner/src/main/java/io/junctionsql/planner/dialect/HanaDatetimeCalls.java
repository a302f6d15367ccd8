package io.junctionsql.planner.dialect;

import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code EXTRACT(part FROM x)} as HANA's named functions ({@code YEAR(x)}, {@code DAYOFMONTH(x)}, ...),
 * with Calcite's numbering where HANA's differs. Date arithmetic is rewritten earlier, by
 * {@link HanaDatetimeArithmetic}.
 */
final class HanaDatetimeCalls {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private HanaDatetimeCalls() {
  }

  static @Nullable SqlNode rewrite(SqlCall call) {
    if (call.getKind() != SqlKind.EXTRACT) {
      return null;
    }
    TimeUnitRange part = part(call.operand(0));
    SqlNode x = call.operand(1);
    if (part == null) {
      return null;
    }
    switch (part) {
    case YEAR:
      return HanaFunctions.YEAR.createCall(POS, x);
    case MONTH:
      return HanaFunctions.MONTH.createCall(POS, x);
    case DAY:
      return HanaFunctions.DAYOFMONTH.createCall(POS, x);
    case DOY:
      return HanaFunctions.DAYOFYEAR.createCall(POS, x);
    case HOUR:
      return HanaFunctions.HOUR.createCall(POS, x);
    case MINUTE:
      return HanaFunctions.MINUTE.createCall(POS, x);
    case SECOND:
      // HANA's SECOND keeps the fraction (56.789); Calcite's EXTRACT gives whole seconds.
      return SqlStdOperatorTable.FLOOR.createCall(POS, HanaFunctions.SECOND.createCall(POS, x));
    case QUARTER:
      // HANA's QUARTER returns text such as '2024-Q1'. FLOOR keeps whole quarters whether or not
      // HANA divides integers exactly.
      return SqlStdOperatorTable.FLOOR.createCall(POS,
          divide(plus(HanaFunctions.MONTH.createCall(POS, x), 2), 3));
    case DOW:
      // Calcite: Sunday 1 .. Saturday 7. HANA's WEEKDAY: Monday 0 .. Sunday 6.
      return plus(SqlStdOperatorTable.MOD.createCall(POS,
          plus(HanaFunctions.WEEKDAY.createCall(POS, x), 1), number(7)), 1);
    case ISODOW:
      return plus(HanaFunctions.WEEKDAY.createCall(POS, x), 1);
    case WEEK:
      // Calcite's WEEK is the ISO week; HANA's WEEK is not. ISOWEEK gives text such as '2024-W05'.
      return SqlStdOperatorTable.CAST.createCall(POS,
          SqlStdOperatorTable.SUBSTRING.createCall(POS,
              HanaFunctions.ISOWEEK.createCall(POS, x), number(7), number(2)),
          HanaCasts.spec(SqlTypeName.INTEGER));
    default:
      // EPOCH, ISOYEAR, MILLISECOND and the like have no faithful HANA form; HanaRefusals keeps them out.
      return null;
    }
  }

  private static @Nullable TimeUnitRange part(SqlNode node) {
    if (node instanceof SqlIntervalQualifier) {
      return ((SqlIntervalQualifier) node).timeUnitRange;
    }
    if (node instanceof SqlLiteral) {
      return ((SqlLiteral) node).getValueAs(TimeUnitRange.class);
    }
    return null;
  }

  private static SqlNode plus(SqlNode a, int b) {
    return SqlStdOperatorTable.PLUS.createCall(POS, a, number(b));
  }

  private static SqlNode divide(SqlNode a, int b) {
    return SqlStdOperatorTable.DIVIDE.createCall(POS, a, number(b));
  }

  private static SqlNode number(int value) {
    return SqlLiteral.createExactNumeric(Integer.toString(value), POS);
  }
}
