package io.junctionsql.planner.dialect;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * Window frames that are the default anyway are left out. Calcite spells them out, and a RANGE frame
 * in a window without ORDER BY is one Spark reads only because both its bounds are unbounded; without
 * the frame, Spark's default (the whole partition without ORDER BY, up to the current row's peers with
 * it) is the same frame, beyond doubt.
 */
final class DatabricksWindows {
  private DatabricksWindows() {
  }

  /** The OVER call without its frame, or null when the frame is not a default one. */
  static @Nullable SqlNode rewrite(SqlCall call) {
    if (call.getKind() != SqlKind.OVER || !(call.operand(1) instanceof SqlWindow)) {
      return null;
    }
    SqlWindow w = call.operand(1);
    SqlNode lower = w.getLowerBound();
    SqlNode upper = w.getUpperBound();
    if (w.isRows() || lower == null || !SqlWindow.isUnboundedPreceding(lower)) {
      return null;
    }
    boolean ordered = w.getOrderList().size() > 0;
    boolean isDefault = ordered ? upper == null || SqlWindow.isCurrentRow(upper)
        : upper != null && SqlWindow.isUnboundedFollowing(upper);
    if (!isDefault) {
      return null;
    }
    List<SqlNode> operands = w.getOperandList();
    SqlWindow frameless = new SqlWindow(w.getParserPosition(), w.getDeclName(), w.getRefName(),
        w.getPartitionList(), w.getOrderList(), SqlLiteral.createBoolean(false, w.getParserPosition()),
        null, null, (SqlLiteral) operands.get(7), w.getExclude());
    return SqlStdOperatorTable.OVER.createCall(call.getParserPosition(), call.operand(0), frameless);
  }
}
