package io.junctionsql.planner.source.delta;

import io.junctionsql.planner.runtime.ColumnarRows;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.TimestampType;

import java.math.BigDecimal;
import java.util.TimeZone;

/** A Delta scan's rows for a JDBC client, read value by value from Kernel's vectors. */
final class DeltaColumnarRows implements ColumnarRows {
  private final DeltaRowCursor cursor;
  private final int[] columns;
  private final DataType[] types;
  private final TimeZone zone;
  /** Per output column, how its integers are stored, chosen once rather than per value. */
  private final int[] widths;
  private final boolean[] floats;
  private final boolean[] instants;
  private static final int INT = 0;
  private static final int SHORT = 1;
  private static final int BYTE = 2;
  private static final int LONG = 3;

  /**
   * @param columns for each output column, the scan column it shows
   * @param types the scan columns' Delta types
   */
  DeltaColumnarRows(DeltaRowCursor cursor, int[] columns, DataType[] types, TimeZone zone) {
    this.cursor = cursor;
    this.columns = columns;
    this.types = types;
    this.zone = zone;
    int n = columns.length;
    this.widths = new int[n];
    this.floats = new boolean[n];
    this.instants = new boolean[n];
    for (int i = 0; i < n; i++) {
      DataType t = types[columns[i]];
      widths[i] = t instanceof IntegerType || t instanceof DateType ? INT : t instanceof ShortType ? SHORT
          : t instanceof ByteType ? BYTE : LONG;
      floats[i] = t instanceof FloatType;
      instants[i] = t instanceof TimestampType;
    }
  }

  private ColumnVector v(int column) {
    return cursor.vector(columns[column]);
  }

  private DataType type(int column) {
    return types[columns[column]];
  }

  @Override public boolean next() {
    return cursor.next();
  }

  @Override public boolean isNull(int column) {
    return v(column).isNullAt(cursor.row());
  }

  @Override public boolean getBoolean(int column) {
    return v(column).getBoolean(cursor.row());
  }

  @Override public long getLong(int column) {
    ColumnVector v = v(column);
    int r = cursor.row();
    switch (widths[column]) {
    case INT:
      return v.getInt(r);
    case SHORT:
      return v.getShort(r);
    case BYTE:
      return v.getByte(r);
    default:
      return v.getLong(r);
    }
  }

  @Override public double getDouble(int column) {
    return floats[column] ? v(column).getFloat(cursor.row()) : v(column).getDouble(cursor.row());
  }

  @Override public BigDecimal getDecimal(int column) {
    return v(column).getDecimal(cursor.row());
  }

  @Override public String getString(int column) {
    DataType t = type(column);
    return t instanceof StringType ? v(column).getString(cursor.row()) : ColumnReader.json(v(column), cursor.row(), t);
  }

  @Override public byte[] getBytes(int column) {
    return v(column).getBinary(cursor.row());
  }

  @Override public long getTimestampMillis(int column) {
    long millis = Math.floorDiv(v(column).getLong(cursor.row()), 1000L);
    return instants[column] ? millis + zone.getOffset(millis) : millis;
  }

  @Override public void close() {
    cursor.close();
  }
}
