package io.junctionsql.planner.optimizer;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * {@code key IN (?, ?, ...)}: how a semi-join reduced JDBC statement matches its batch of keys. Written as
 * SQL's IN list rather than the OR chain Calcite writes for a disjunction, because PostgreSQL turns an IN
 * list into one array comparison (hashed past a few elements, an index scan with array keys) but checks an
 * OR chain term by term on every row, which made a two-thousand-key batch slower than reading in full.
 * Calcite's own IN is a sub-query operator in relational expressions, so the list needs its own operator.
 */
final class KeyList extends SqlSpecialOperator {
  static final KeyList INSTANCE = new KeyList();

  private KeyList() {
    super("IN", SqlKind.OTHER, 30, true, ReturnTypes.BOOLEAN_NULLABLE, null, null);
  }

  @Override public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SIMPLE);
    call.operand(0).unparse(writer, getLeftPrec(), getRightPrec());
    writer.keyword("IN");
    SqlWriter.Frame values = writer.startList("(", ")");
    for (int i = 1; i < call.operandCount(); i++) {
      writer.sep(",");
      call.operand(i).unparse(writer, 0, 0);
    }
    writer.endList(values);
    writer.endList(frame);
  }
}
