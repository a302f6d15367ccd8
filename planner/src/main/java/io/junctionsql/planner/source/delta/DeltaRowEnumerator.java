package io.junctionsql.planner.source.delta;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.engine.Engine;

import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.runtime.FlatLists;

import java.io.IOException;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The rows of a Delta scan for Calcite's generated code: each row read from Kernel's vectors into the
 * shape the code expects (a value, an array, or a list when no column is read).
 */
final class DeltaRowEnumerator implements Enumerator<Object> {
  private final DeltaRowCursor cursor;
  private final int width;
  private final JavaRowFormat format;
  private final ColumnReader[] readers;
  private Object current;

  DeltaRowEnumerator(Engine engine, DeltaScanSpec.Plan plan, int width, JavaRowFormat format, TimeZone zone,
      AtomicBoolean cancel, DeltaRowCursor.ReadReport onClose) throws IOException {
    this.cursor = new DeltaRowCursor(engine, plan, width, cancel, onClose);
    this.width = width;
    this.format = format;
    this.readers = new ColumnReader[width];
    for (int i = 0; i < width; i++) {
      readers[i] = ColumnReader.of(plan.readSchema().at(i).getDataType(), zone);
    }
  }

  @Override public Object current() {
    return current;
  }

  @Override public boolean moveNext() {
    if (!cursor.next()) {
      return false;
    }
    int r = cursor.row();
    if (format == JavaRowFormat.SCALAR) {
      ColumnVector v = cursor.vector(0);
      current = v.isNullAt(r) ? null : readers[0].read(v, r);
      return true;
    }
    Object[] row = new Object[width];
    for (int c = 0; c < width; c++) {
      ColumnVector v = cursor.vector(c);
      row[c] = v.isNullAt(r) ? null : readers[c].read(v, r);
    }
    current = format == JavaRowFormat.ARRAY ? row : FlatLists.of(row);
    return true;
  }

  @Override public void reset() {
    throw new UnsupportedOperationException("a Delta scan reads forward only");
  }

  @Override public void close() {
    cursor.close();
  }
}
