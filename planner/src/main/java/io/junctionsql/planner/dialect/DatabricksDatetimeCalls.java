package io.junctionsql.planner.dialect;

import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code EXTRACT(part FROM x)} as Spark's named functions. Spark's own EXTRACT would do for most parts,
 * but its {@code EXTRACT(SECOND ...)} keeps the fraction, while Calcite's gives whole seconds, as
 * {@code second(x)} does. Spark numbers days of the week as Calcite does (Sunday 1 to Saturday 7), and
 * its {@code weekofyear} is the ISO week, as Calcite's WEEK is. Parts without a faithful Spark function
 * (EPOCH, MILLISECOND, ISOYEAR, ...) are left as EXTRACT, which Spark rejects rather than misreads.
 */
final class DatabricksDatetimeCalls {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private DatabricksDatetimeCalls() {
  }

  static @Nullable SqlNode rewrite(SqlCall call) {
    if (call.getKind() != SqlKind.EXTRACT) {
      return null;
    }
    TimeUnitRange part = part(call.operand(0));
    if (part == null) {
      return null;
    }
    SqlNode x = call.operand(1);
    switch (part) {
    case YEAR:
      return DatabricksFunctions.YEAR.createCall(POS, x);
    case QUARTER:
      return DatabricksFunctions.QUARTER.createCall(POS, x);
    case MONTH:
      return DatabricksFunctions.MONTH.createCall(POS, x);
    case WEEK:
      return DatabricksFunctions.WEEKOFYEAR.createCall(POS, x);
    case DAY:
      return DatabricksFunctions.DAYOFMONTH.createCall(POS, x);
    case DOY:
      return DatabricksFunctions.DAYOFYEAR.createCall(POS, x);
    case DOW:
      return DatabricksFunctions.DAYOFWEEK.createCall(POS, x);
    case ISODOW:
      // Spark's weekday counts from Monday as 0; ISO counts from Monday as 1.
      return SqlStdOperatorTable.PLUS.createCall(POS, DatabricksFunctions.WEEKDAY.createCall(POS, x),
          SqlLiteral.createExactNumeric("1", POS));
    case HOUR:
      return DatabricksFunctions.HOUR.createCall(POS, x);
    case MINUTE:
      return DatabricksFunctions.MINUTE.createCall(POS, x);
    case SECOND:
      return DatabricksFunctions.SECOND.createCall(POS, x);
    default:
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
}
