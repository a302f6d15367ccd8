package io.junctionsql.planner.dialect;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.NlsString;

import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * LIKE without ESCAPE. In standard SQL, and so in Calcite, such a pattern has no escape character: a
 * backslash matches a backslash. Spark's LIKE escapes with a backslash by default, so
 * {@code 'C:\temp%'} would fail there and {@code 'x\%'} would match a percent sign instead. The
 * pattern's backslashes are therefore doubled, which Spark reads as one literal backslash each: in
 * the text of a literal pattern, or with {@code replace(pattern, '\\', '\\\\')} around any other.
 *
 * <p>A LIKE with an ESCAPE clause is left alone: Spark takes any single character as the escape
 * character, and the clause's literal is written as any literal is ({@code ESCAPE '\\'} for a
 * backslash).
 */
final class DatabricksLikePatterns {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private DatabricksLikePatterns() {
  }

  static @Nullable SqlNode rewrite(SqlCall call) {
    if (call.getKind() != SqlKind.LIKE || call.operandCount() != 2) {
      return null;
    }
    SqlNode pattern = call.operand(1);
    SqlNode escaped;
    if (pattern instanceof SqlCharStringLiteral) {
      String text = ((SqlCharStringLiteral) pattern).getValueAs(NlsString.class).getValue();
      if (text.indexOf('\\') < 0) {
        return null;
      }
      escaped = SqlLiteral.createCharString(text.replace("\\", "\\\\"), POS);
    } else if (SqlUtil.isNullLiteral(pattern, false)) {
      return null;
    } else {
      escaped = SqlStdOperatorTable.REPLACE.createCall(POS, pattern,
          SqlLiteral.createCharString("\\", POS), SqlLiteral.createCharString("\\\\", POS));
    }
    List<SqlNode> operands = new ArrayList<>(call.getOperandList());
    operands.set(1, escaped);
    return call.getOperator().createCall(POS, operands);
  }
}
