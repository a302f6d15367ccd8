package io.junctionsql.planner.source.delta.write;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One column of rows to write, as Kernel reads it. Values are Java objects: Boolean, Byte, Short,
 * Integer, Long, Float, Double, BigDecimal, String, byte[], LocalDate for a date, Instant for a
 * timestamp and LocalDateTime for a timestamp without time zone.
 */
final class ValueVector implements ColumnVector {
  private final DataType type;
  private final List<Object> values;

  ValueVector(DataType type, List<Object> values) {
    this.type = type;
    this.values = values;
  }

  @Override public DataType getDataType() {
    return type;
  }

  @Override public int getSize() {
    return values.size();
  }

  @Override public void close() {
  }

  @Override public boolean isNullAt(int rowId) {
    return values.get(rowId) == null;
  }

  @Override public boolean getBoolean(int rowId) {
    return (Boolean) values.get(rowId);
  }

  @Override public byte getByte(int rowId) {
    return ((Number) values.get(rowId)).byteValue();
  }

  @Override public short getShort(int rowId) {
    return ((Number) values.get(rowId)).shortValue();
  }

  @Override public int getInt(int rowId) {
    Object v = values.get(rowId);
    if (type instanceof DateType) {
      return (int) ((LocalDate) v).toEpochDay();
    }
    return ((Number) v).intValue();
  }

  @Override public long getLong(int rowId) {
    Object v = values.get(rowId);
    if (type instanceof TimestampType) {
      Instant i = (Instant) v;
      return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000L;
    }
    if (type instanceof TimestampNTZType) {
      Instant i = ((LocalDateTime) v).toInstant(ZoneOffset.UTC);
      return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000L;
    }
    return ((Number) v).longValue();
  }

  @Override public float getFloat(int rowId) {
    return ((Number) values.get(rowId)).floatValue();
  }

  @Override public double getDouble(int rowId) {
    return ((Number) values.get(rowId)).doubleValue();
  }

  @Override public byte[] getBinary(int rowId) {
    return (byte[]) values.get(rowId);
  }

  @Override public String getString(int rowId) {
    return (String) values.get(rowId);
  }

  @Override public BigDecimal getDecimal(int rowId) {
    return (BigDecimal) values.get(rowId);
  }
}
