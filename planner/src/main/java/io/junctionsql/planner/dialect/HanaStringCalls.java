package io.junctionsql.planner.dialect;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.ArrayList;
import java.util.List;

/** String functions whose HANA name or argument order differs from standard SQL. */
final class HanaStringCalls {
  private HanaStringCalls() {
  }

  static @Nullable SqlNode rewrite(SqlCall call) {
    switch (call.getKind()) {
    case POSITION:
      return locate(call);
    case CHAR_LENGTH:
      return HanaFunctions.LENGTH.createCall(SqlParserPos.ZERO, call.getOperandList());
    default:
      return null;
    }
  }

  /**
   * {@code POSITION(needle IN haystack [FROM start])} is {@code LOCATE(haystack, needle [, start])}:
   * HANA takes the haystack first, so the arguments swap.
   */
  private static SqlNode locate(SqlCall position) {
    List<SqlNode> operands = new ArrayList<>(position.getOperandList());
    SqlNode needle = operands.get(0);
    operands.set(0, operands.get(1));
    operands.set(1, needle);
    return HanaFunctions.LOCATE.createCall(SqlParserPos.ZERO, operands);
  }
}
