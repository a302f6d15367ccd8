package io.junctionsql.planner.dialect;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.NlsString;

import org.checkerframework.checker.nullness.qual.Nullable;

import java.math.BigDecimal;

/** String functions whose Spark name, argument order or edge cases differ from standard SQL. */
final class DatabricksStringCalls {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private DatabricksStringCalls() {
  }

  static @Nullable SqlNode rewrite(SqlCall call) {
    switch (call.getKind()) {
    case POSITION:
      return position(call);
    case TRIM:
      return trim(call);
    default:
      return call.getOperator() == SqlStdOperatorTable.SUBSTRING ? substring(call) : null;
    }
  }

  /**
   * {@code POSITION(needle IN haystack)} is {@code instr(haystack, needle)}, the haystack first;
   * {@code POSITION(needle IN haystack FROM start)} is {@code locate(needle, haystack, start)}, the
   * needle first, as in POSITION. Spark's locate answers 0, as Hive does, where the start is NULL and
   * Calcite answers NULL; so a start that is not a number literal is tested first.
   */
  private static SqlNode position(SqlCall call) {
    SqlNode needle = call.operand(0);
    SqlNode haystack = call.operand(1);
    if (call.operandCount() == 2) {
      return DatabricksFunctions.INSTR.createCall(POS, haystack, needle);
    }
    SqlNode start = call.operand(2);
    SqlNode locate = DatabricksFunctions.LOCATE.createCall(POS, needle, haystack, start);
    if (start instanceof SqlNumericLiteral) {
      return locate;
    }
    return new SqlCase(POS, null, SqlNodeList.of(SqlStdOperatorTable.IS_NULL.createCall(POS, start)),
        SqlNodeList.of(SqlLiteral.createNull(POS)), locate);
  }

  /**
   * Blanks are trimmed with {@code trim}, {@code ltrim} and {@code rtrim}; another character keeps the
   * standard {@code TRIM(BOTH 'x' FROM s)}, which Spark reads too.
   */
  private static @Nullable SqlNode trim(SqlCall call) {
    SqlNode characters = call.operand(1);
    if (!(characters instanceof SqlCharStringLiteral)
        || !" ".equals(((SqlCharStringLiteral) characters).getValueAs(NlsString.class).getValue())) {
      return null;
    }
    SqlNode s = call.operand(2);
    switch (((SqlLiteral) call.operand(0)).getValueAs(SqlTrimFunction.Flag.class)) {
    case LEADING:
      return DatabricksFunctions.LTRIM.createCall(POS, s);
    case TRAILING:
      return DatabricksFunctions.RTRIM.createCall(POS, s);
    default:
      return DatabricksFunctions.TRIM.createCall(POS, s);
    }
  }

  /**
   * {@code SUBSTRING(s FROM start [FOR length])} as {@code substring(s, start [, length])}. Spark counts
   * a start below 1 from the end of the string, where standard SQL counts positions before the first
   * character; so unless the start is a literal of at least 1, it is written
   * {@code greatest(start, 1)} and the length shortened by the positions skipped.
   */
  private static SqlNode substring(SqlCall call) {
    SqlNode s = call.operand(0);
    SqlNode start = call.operand(1);
    if (isPositive(start)) {
      return call.operandCount() == 2 ? DatabricksFunctions.SUBSTRING.createCall(POS, s, start)
          : DatabricksFunctions.SUBSTRING.createCall(POS, s, start, call.operand(2));
    }
    SqlNode first = DatabricksFunctions.GREATEST.createCall(POS, start, SqlLiteral.createExactNumeric("1", POS));
    if (call.operandCount() == 2) {
      return DatabricksFunctions.SUBSTRING.createCall(POS, s, first);
    }
    SqlNode length = SqlStdOperatorTable.MINUS.createCall(POS,
        SqlStdOperatorTable.PLUS.createCall(POS, start, call.operand(2)), first);
    return DatabricksFunctions.SUBSTRING.createCall(POS, s, first, length);
  }

  private static boolean isPositive(SqlNode node) {
    return node instanceof SqlNumericLiteral
        && ((SqlNumericLiteral) node).getValueAs(BigDecimal.class).compareTo(BigDecimal.ONE) >= 0;
  }
}
