package io.junctionsql.driver;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * {@code ResultSet.getObject(column, Class)} for Junction's result sets, through the typed getters, so
 * that both the general and the direct path convert as their getters do (Calcite's own result set does
 * not implement it).
 */
final class TypedObjects {
  private TypedObjects() {
  }

  static <T> T get(ResultSet rs, int column, Class<T> type) throws SQLException {
    Object v;
    if (type == String.class) {
      v = rs.getString(column);
    } else if (type == Long.class) {
      v = rs.getLong(column);
    } else if (type == Integer.class) {
      v = rs.getInt(column);
    } else if (type == Short.class) {
      v = rs.getShort(column);
    } else if (type == Byte.class) {
      v = rs.getByte(column);
    } else if (type == Double.class) {
      v = rs.getDouble(column);
    } else if (type == Float.class) {
      v = rs.getFloat(column);
    } else if (type == Boolean.class) {
      v = rs.getBoolean(column);
    } else if (type == BigDecimal.class) {
      v = rs.getBigDecimal(column);
    } else if (type == byte[].class) {
      v = rs.getBytes(column);
    } else if (type == Date.class) {
      v = rs.getDate(column);
    } else if (type == Timestamp.class) {
      v = rs.getTimestamp(column);
    } else if (type == LocalDate.class) {
      Date d = rs.getDate(column);
      v = d == null ? null : d.toLocalDate();
    } else if (type == LocalDateTime.class) {
      Timestamp t = rs.getTimestamp(column);
      v = t == null ? null : t.toLocalDateTime();
    } else if (type == Object.class) {
      v = rs.getObject(column);
    } else {
      throw new SQLException("Junction cannot return column " + column + " as " + type.getName()
          + "; ask for String, a boxed number, Boolean, BigDecimal, byte[], Date, Timestamp, LocalDate or"
          + " LocalDateTime.", "22018");
    }
    return rs.wasNull() ? null : type.cast(v);
  }
}
