package io.junctionsql.planner.dialect;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Window frames as HANA takes them. Calcite spells out frames that are the default anyway, even for
 * ranking functions, which take none; HANA's frames are mostly ROWS frames. So a default frame is left
 * out, a frame over the whole partition is written with ROWS, and ranking functions lose theirs.
 */
final class HanaWindows {
  /** Functions that number or pick rows by their order alone; a frame means nothing to them. */
  private static final Set<SqlKind> FRAMELESS = EnumSet.of(
      SqlKind.ROW_NUMBER, SqlKind.RANK, SqlKind.DENSE_RANK, SqlKind.NTILE, SqlKind.PERCENT_RANK,
      SqlKind.CUME_DIST, SqlKind.LAG, SqlKind.LEAD);

  private HanaWindows() {
  }

  /** The OVER call with its frame rewritten, or null when HANA takes it as it is. */
  static @Nullable SqlNode rewrite(SqlCall call) {
    if (call.getKind() != SqlKind.OVER || !(call.operand(1) instanceof SqlWindow)) {
      return null;
    }
    SqlNode function = call.operand(0);
    SqlWindow window = call.operand(1);
    SqlNode lower = window.getLowerBound();
    SqlNode upper = window.getUpperBound();
    if (lower == null && upper == null) {
      return null;
    }
    boolean wholePartition = lower != null && SqlWindow.isUnboundedPreceding(lower)
        && upper != null && SqlWindow.isUnboundedFollowing(upper);
    boolean upToCurrentRow = lower != null && SqlWindow.isUnboundedPreceding(lower)
        && (upper == null || SqlWindow.isCurrentRow(upper));
    boolean ordered = window.getOrderList().size() > 0;
    SqlWindow rewritten;
    if (FRAMELESS.contains(function.getKind())
        || !window.isRows() && (ordered ? upToCurrentRow : wholePartition)) {
      rewritten = withFrame(window, window.isRows(), null, null);
    } else if (!window.isRows() && wholePartition) {
      // With ORDER BY, RANGE over the whole partition is ROWS over the whole partition.
      rewritten = withFrame(window, true, lower, upper);
    } else {
      return null;
    }
    return SqlStdOperatorTable.OVER.createCall(call.getParserPosition(), function, rewritten);
  }

  private static SqlWindow withFrame(SqlWindow w, boolean rows, @Nullable SqlNode lower, @Nullable SqlNode upper) {
    List<SqlNode> operands = w.getOperandList();
    return new SqlWindow(w.getParserPosition(), w.getDeclName(), w.getRefName(), w.getPartitionList(),
        w.getOrderList(), SqlLiteral.createBoolean(rows, SqlParserPos.ZERO), lower, upper,
        (SqlLiteral) operands.get(7), w.getExclude());
  }
}
