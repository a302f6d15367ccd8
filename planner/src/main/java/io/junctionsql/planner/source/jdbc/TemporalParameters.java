package io.junctionsql.planner.source.jdbc;

import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * Binds a query parameter of a date or time type as that type. Calcite's JDBC adapter hands a pushed
 * statement its parameters in Calcite's own representation (a TIMESTAMP as a long of milliseconds, a
 * DATE as an int of days, a TIME as an int of milliseconds) and binds them as numbers, which the
 * source then refuses ("operator does not exist: timestamp &lt; bigint"). When a number is bound, the
 * source's own parameter metadata says whether the parameter is temporal; if so, the number is turned
 * back into the value it stands for.
 */
final class TemporalParameters {
  private final PreparedStatement statement;
  private int[] types;

  TemporalParameters(PreparedStatement statement) {
    this.statement = statement;
  }

  /** Binds {@code value} at {@code index} if it is a temporal parameter's number; false to bind as given. */
  boolean bind(int index, Object value) throws SQLException {
    if (!(value instanceof Long) && !(value instanceof Integer)) {
      return false;
    }
    long n = ((Number) value).longValue();
    switch (type(index)) {
    case Types.TIMESTAMP:
      // Calcite's TIMESTAMP is a wall-clock time counted as if in UTC.
      statement.setTimestamp(index, Timestamp.valueOf(LocalDateTime.ofEpochSecond(Math.floorDiv(n, 1000),
          (int) TimeUnit.MILLISECONDS.toNanos(Math.floorMod(n, 1000)), ZoneOffset.UTC)));
      return true;
    case Types.TIMESTAMP_WITH_TIMEZONE:
      statement.setTimestamp(index, new Timestamp(n));
      return true;
    case Types.DATE:
      statement.setDate(index, Date.valueOf(LocalDate.ofEpochDay(n)));
      return true;
    case Types.TIME:
      statement.setTime(index, Time.valueOf(LocalTime.ofNanoOfDay(TimeUnit.MILLISECONDS.toNanos(n))));
      return true;
    default:
      return false;
    }
  }

  /** The parameter's type as the source describes it; OTHER when the driver cannot say. */
  private int type(int index) {
    if (types == null) {
      try {
        // Described once: PostgreSQL's driver asks the server again on every getParameterMetaData() call,
        // which made a statement of a thousand semi-join keys a thousand round trips.
        ParameterMetaData parameters = statement.getParameterMetaData();
        int count = parameters.getParameterCount();
        types = new int[count + 1];
        for (int i = 1; i <= count; i++) {
          types[i] = parameters.getParameterType(i);
        }
      } catch (SQLException | RuntimeException e) {
        types = new int[0]; // a driver that cannot describe parameters binds numbers as numbers
      }
    }
    return index < types.length ? types[index] : Types.OTHER;
  }
}
