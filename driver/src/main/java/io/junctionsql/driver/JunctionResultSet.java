package io.junctionsql.driver;

import io.junctionsql.planner.SqlStates;
import io.junctionsql.planner.runtime.ErrorTranslator;
import io.junctionsql.planner.runtime.recent.QueryRecorder;

import org.apache.calcite.avatica.util.ByteString;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A Junction result set: the engine's, with every failure translated (a source failing mid-stream
 * reaches the client as an SQLException naming the source) and {@code getStatement()} leading back to
 * Junction's statement. Written out rather than a reflective proxy because its getters are the hot
 * path of every query: one direct call per value.
 */
final class JunctionResultSet implements ResultSet {
  private final ResultSet target;
  private final ErrorTranslator errors;
  private final Statement statement;
  /** Rows this result may return before reading more fails it (0: no limit); set by the server. */
  private long rowLimit;
  private long rowsRead;
  /** What the statement does when these rows are done with (told whether reading them failed). */
  private Consumer<Boolean> onClose = failed -> { };
  /** The statement's figures, counted per row; null when not recorded. */
  private QueryRecorder recorder;
  /** What the statement does when the rows end or fail, before they are closed: null, or the SQLState. */
  private Consumer<String> onRowsEnd = state -> { };
  private boolean failed;

  JunctionResultSet(ResultSet target, ErrorTranslator errors, Statement statement) {
    this.target = target;
    this.errors = errors;
    this.statement = statement;
  }

  private SQLException fail(String method, Exception e) {
    if (e instanceof SQLFeatureNotSupportedException) {
      return new SQLFeatureNotSupportedException("Junction does not support ResultSet." + method + "()", "0A000");
    }
    return errors.translate(e);
  }

  /** JDBC gives a VARBINARY as a byte[]; Calcite's runtime holds it as a ByteString. */
  private static Object bytesAsArray(Object value) {
    return value instanceof ByteString ? ((ByteString) value).getBytes() : value;
  }

  @Override public Statement getStatement() {
    return statement;
  }

  @Override public <T> T unwrap(Class<T> iface) throws SQLException {
    return iface.isInstance(this) ? iface.cast(this) : target.unwrap(iface);
  }

  @Override public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || target.isWrapperFor(iface);
  }

  /** Fails the result when the client reads past {@code limit} rows, rather than cutting it silently. */
  void limitRows(long limit) {
    rowLimit = limit;
  }

  /** {@code action} runs when the rows are closed, with whether reading them failed. */
  void onClose(Consumer<Boolean> action) {
    onClose = action;
  }

  /** Counts rows and time into {@code recorder}; {@code onRowsEnd} hears when the rows end or fail. */
  void record(QueryRecorder recorder, Consumer<String> onRowsEnd) {
    this.recorder = recorder;
    this.onRowsEnd = onRowsEnd;
  }

  @Override public boolean next() throws SQLException {
    boolean more;
    QueryRecorder figures = recorder;
    long askedAt = figures == null ? -1 : figures.rowAsked();
    try {
      more = target.next();
    } catch (SQLException | RuntimeException e) {
      SQLException failure = fail("next", e);
      failed = true;
      onRowsEnd.accept(failure.getSQLState());
      if (SqlStates.OUT_OF_MEMORY.equals(failure.getSQLState())) {
        // The query is over: let go of what its operators built and the source statements they read from.
        closeQuietly();
      }
      throw failure;
    }
    if (more && rowLimit > 0 && ++rowsRead > rowLimit) {
      onRowsEnd.accept(SqlStates.PROGRAM_LIMIT_EXCEEDED);
      throw new SQLException("The result has more than " + rowLimit + " rows, the most this server returns for one "
          + "query (server.limits.max_rows). Add a filter or a LIMIT, or read it in parts.",
          SqlStates.PROGRAM_LIMIT_EXCEEDED);
    }
    if (figures != null) {
      figures.rowAnswered(askedAt, more);
    }
    if (!more) {
      onRowsEnd.accept(null);
    }
    return more;
  }

  @Override public void close() throws SQLException {
    try {
      target.close();
    } catch (SQLException | RuntimeException e) {
      throw fail("close", e);
    } finally {
      onClose.accept(failed);
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (SQLException e) {
      // Closing after a failure: the failure is what the client needs to hear about.
    }
  }

  @Override public boolean wasNull() throws SQLException {
    try {
      return target.wasNull();
    } catch (SQLException | RuntimeException e) {
      throw fail("wasNull", e);
    }
  }

  @Override public String getString(int a0) throws SQLException {
    try {
      return target.getString(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getString", e);
    }
  }

  @Override public boolean getBoolean(int a0) throws SQLException {
    try {
      return target.getBoolean(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getBoolean", e);
    }
  }

  @Override public byte getByte(int a0) throws SQLException {
    try {
      return target.getByte(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getByte", e);
    }
  }

  @Override public short getShort(int a0) throws SQLException {
    try {
      return target.getShort(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getShort", e);
    }
  }

  @Override public int getInt(int a0) throws SQLException {
    try {
      return target.getInt(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getInt", e);
    }
  }

  @Override public long getLong(int a0) throws SQLException {
    try {
      return target.getLong(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getLong", e);
    }
  }

  @Override public float getFloat(int a0) throws SQLException {
    try {
      return target.getFloat(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getFloat", e);
    }
  }

  @Override public double getDouble(int a0) throws SQLException {
    try {
      return target.getDouble(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getDouble", e);
    }
  }

  @Override public BigDecimal getBigDecimal(int a0, int a1) throws SQLException {
    try {
      return target.getBigDecimal(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("getBigDecimal", e);
    }
  }

  @Override public byte[] getBytes(int a0) throws SQLException {
    try {
      return target.getBytes(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getBytes", e);
    }
  }

  @Override public Date getDate(int a0) throws SQLException {
    try {
      return target.getDate(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getDate", e);
    }
  }

  @Override public Time getTime(int a0) throws SQLException {
    try {
      return target.getTime(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getTime", e);
    }
  }

  @Override public Timestamp getTimestamp(int a0) throws SQLException {
    try {
      return target.getTimestamp(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getTimestamp", e);
    }
  }

  @Override public InputStream getAsciiStream(int a0) throws SQLException {
    try {
      return target.getAsciiStream(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getAsciiStream", e);
    }
  }

  @Override public InputStream getUnicodeStream(int a0) throws SQLException {
    try {
      return target.getUnicodeStream(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getUnicodeStream", e);
    }
  }

  @Override public InputStream getBinaryStream(int a0) throws SQLException {
    try {
      return target.getBinaryStream(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getBinaryStream", e);
    }
  }

  @Override public String getString(String a0) throws SQLException {
    try {
      return target.getString(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getString", e);
    }
  }

  @Override public boolean getBoolean(String a0) throws SQLException {
    try {
      return target.getBoolean(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getBoolean", e);
    }
  }

  @Override public byte getByte(String a0) throws SQLException {
    try {
      return target.getByte(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getByte", e);
    }
  }

  @Override public short getShort(String a0) throws SQLException {
    try {
      return target.getShort(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getShort", e);
    }
  }

  @Override public int getInt(String a0) throws SQLException {
    try {
      return target.getInt(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getInt", e);
    }
  }

  @Override public long getLong(String a0) throws SQLException {
    try {
      return target.getLong(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getLong", e);
    }
  }

  @Override public float getFloat(String a0) throws SQLException {
    try {
      return target.getFloat(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getFloat", e);
    }
  }

  @Override public double getDouble(String a0) throws SQLException {
    try {
      return target.getDouble(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getDouble", e);
    }
  }

  @Override public BigDecimal getBigDecimal(String a0, int a1) throws SQLException {
    try {
      return target.getBigDecimal(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("getBigDecimal", e);
    }
  }

  @Override public byte[] getBytes(String a0) throws SQLException {
    try {
      return target.getBytes(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getBytes", e);
    }
  }

  @Override public Date getDate(String a0) throws SQLException {
    try {
      return target.getDate(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getDate", e);
    }
  }

  @Override public Time getTime(String a0) throws SQLException {
    try {
      return target.getTime(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getTime", e);
    }
  }

  @Override public Timestamp getTimestamp(String a0) throws SQLException {
    try {
      return target.getTimestamp(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getTimestamp", e);
    }
  }

  @Override public InputStream getAsciiStream(String a0) throws SQLException {
    try {
      return target.getAsciiStream(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getAsciiStream", e);
    }
  }

  @Override public InputStream getUnicodeStream(String a0) throws SQLException {
    try {
      return target.getUnicodeStream(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getUnicodeStream", e);
    }
  }

  @Override public InputStream getBinaryStream(String a0) throws SQLException {
    try {
      return target.getBinaryStream(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getBinaryStream", e);
    }
  }

  @Override public SQLWarning getWarnings() throws SQLException {
    try {
      return target.getWarnings();
    } catch (SQLException | RuntimeException e) {
      throw fail("getWarnings", e);
    }
  }

  @Override public void clearWarnings() throws SQLException {
    try {
      target.clearWarnings();
    } catch (SQLException | RuntimeException e) {
      throw fail("clearWarnings", e);
    }
  }

  @Override public String getCursorName() throws SQLException {
    try {
      return target.getCursorName();
    } catch (SQLException | RuntimeException e) {
      throw fail("getCursorName", e);
    }
  }

  @Override public ResultSetMetaData getMetaData() throws SQLException {
    try {
      return target.getMetaData();
    } catch (SQLException | RuntimeException e) {
      throw fail("getMetaData", e);
    }
  }

  @Override public Object getObject(int a0) throws SQLException {
    try {
      return bytesAsArray(target.getObject(a0));
    } catch (SQLException | RuntimeException e) {
      throw fail("getObject", e);
    }
  }

  @Override public Object getObject(String a0) throws SQLException {
    try {
      return bytesAsArray(target.getObject(a0));
    } catch (SQLException | RuntimeException e) {
      throw fail("getObject", e);
    }
  }

  @Override public int findColumn(String a0) throws SQLException {
    try {
      return target.findColumn(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("findColumn", e);
    }
  }

  @Override public Reader getCharacterStream(int a0) throws SQLException {
    try {
      return target.getCharacterStream(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getCharacterStream", e);
    }
  }

  @Override public Reader getCharacterStream(String a0) throws SQLException {
    try {
      return target.getCharacterStream(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getCharacterStream", e);
    }
  }

  @Override public BigDecimal getBigDecimal(int a0) throws SQLException {
    try {
      return target.getBigDecimal(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getBigDecimal", e);
    }
  }

  @Override public BigDecimal getBigDecimal(String a0) throws SQLException {
    try {
      return target.getBigDecimal(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getBigDecimal", e);
    }
  }

  @Override public boolean isBeforeFirst() throws SQLException {
    try {
      return target.isBeforeFirst();
    } catch (SQLException | RuntimeException e) {
      throw fail("isBeforeFirst", e);
    }
  }

  @Override public boolean isAfterLast() throws SQLException {
    try {
      return target.isAfterLast();
    } catch (SQLException | RuntimeException e) {
      throw fail("isAfterLast", e);
    }
  }

  @Override public boolean isFirst() throws SQLException {
    try {
      return target.isFirst();
    } catch (SQLException | RuntimeException e) {
      throw fail("isFirst", e);
    }
  }

  @Override public boolean isLast() throws SQLException {
    try {
      return target.isLast();
    } catch (SQLException | RuntimeException e) {
      throw fail("isLast", e);
    }
  }

  @Override public void beforeFirst() throws SQLException {
    try {
      target.beforeFirst();
    } catch (SQLException | RuntimeException e) {
      throw fail("beforeFirst", e);
    }
  }

  @Override public void afterLast() throws SQLException {
    try {
      target.afterLast();
    } catch (SQLException | RuntimeException e) {
      throw fail("afterLast", e);
    }
  }

  @Override public boolean first() throws SQLException {
    try {
      return target.first();
    } catch (SQLException | RuntimeException e) {
      throw fail("first", e);
    }
  }

  @Override public boolean last() throws SQLException {
    try {
      return target.last();
    } catch (SQLException | RuntimeException e) {
      throw fail("last", e);
    }
  }

  @Override public int getRow() throws SQLException {
    try {
      return target.getRow();
    } catch (SQLException | RuntimeException e) {
      throw fail("getRow", e);
    }
  }

  @Override public boolean absolute(int a0) throws SQLException {
    try {
      return target.absolute(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("absolute", e);
    }
  }

  @Override public boolean relative(int a0) throws SQLException {
    try {
      return target.relative(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("relative", e);
    }
  }

  @Override public boolean previous() throws SQLException {
    try {
      return target.previous();
    } catch (SQLException | RuntimeException e) {
      throw fail("previous", e);
    }
  }

  @Override public void setFetchDirection(int a0) throws SQLException {
    try {
      target.setFetchDirection(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("setFetchDirection", e);
    }
  }

  @Override public int getFetchDirection() throws SQLException {
    try {
      return target.getFetchDirection();
    } catch (SQLException | RuntimeException e) {
      throw fail("getFetchDirection", e);
    }
  }

  @Override public void setFetchSize(int a0) throws SQLException {
    try {
      target.setFetchSize(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("setFetchSize", e);
    }
  }

  @Override public int getFetchSize() throws SQLException {
    try {
      return target.getFetchSize();
    } catch (SQLException | RuntimeException e) {
      throw fail("getFetchSize", e);
    }
  }

  @Override public int getType() throws SQLException {
    try {
      return target.getType();
    } catch (SQLException | RuntimeException e) {
      throw fail("getType", e);
    }
  }

  @Override public int getConcurrency() throws SQLException {
    try {
      return target.getConcurrency();
    } catch (SQLException | RuntimeException e) {
      throw fail("getConcurrency", e);
    }
  }

  @Override public boolean rowUpdated() throws SQLException {
    try {
      return target.rowUpdated();
    } catch (SQLException | RuntimeException e) {
      throw fail("rowUpdated", e);
    }
  }

  @Override public boolean rowInserted() throws SQLException {
    try {
      return target.rowInserted();
    } catch (SQLException | RuntimeException e) {
      throw fail("rowInserted", e);
    }
  }

  @Override public boolean rowDeleted() throws SQLException {
    try {
      return target.rowDeleted();
    } catch (SQLException | RuntimeException e) {
      throw fail("rowDeleted", e);
    }
  }

  @Override public void updateNull(int a0) throws SQLException {
    try {
      target.updateNull(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateNull", e);
    }
  }

  @Override public void updateBoolean(int a0, boolean a1) throws SQLException {
    try {
      target.updateBoolean(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateBoolean", e);
    }
  }

  @Override public void updateByte(int a0, byte a1) throws SQLException {
    try {
      target.updateByte(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateByte", e);
    }
  }

  @Override public void updateShort(int a0, short a1) throws SQLException {
    try {
      target.updateShort(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateShort", e);
    }
  }

  @Override public void updateInt(int a0, int a1) throws SQLException {
    try {
      target.updateInt(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateInt", e);
    }
  }

  @Override public void updateLong(int a0, long a1) throws SQLException {
    try {
      target.updateLong(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateLong", e);
    }
  }

  @Override public void updateFloat(int a0, float a1) throws SQLException {
    try {
      target.updateFloat(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateFloat", e);
    }
  }

  @Override public void updateDouble(int a0, double a1) throws SQLException {
    try {
      target.updateDouble(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateDouble", e);
    }
  }

  @Override public void updateBigDecimal(int a0, BigDecimal a1) throws SQLException {
    try {
      target.updateBigDecimal(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateBigDecimal", e);
    }
  }

  @Override public void updateString(int a0, String a1) throws SQLException {
    try {
      target.updateString(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateString", e);
    }
  }

  @Override public void updateBytes(int a0, byte[] a1) throws SQLException {
    try {
      target.updateBytes(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateBytes", e);
    }
  }

  @Override public void updateDate(int a0, Date a1) throws SQLException {
    try {
      target.updateDate(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateDate", e);
    }
  }

  @Override public void updateTime(int a0, Time a1) throws SQLException {
    try {
      target.updateTime(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateTime", e);
    }
  }

  @Override public void updateTimestamp(int a0, Timestamp a1) throws SQLException {
    try {
      target.updateTimestamp(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateTimestamp", e);
    }
  }

  @Override public void updateAsciiStream(int a0, InputStream a1, int a2) throws SQLException {
    try {
      target.updateAsciiStream(a0, a1, a2);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateAsciiStream", e);
    }
  }

  @Override public void updateBinaryStream(int a0, InputStream a1, int a2) throws SQLException {
    try {
      target.updateBinaryStream(a0, a1, a2);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateBinaryStream", e);
    }
  }

  @Override public void updateCharacterStream(int a0, Reader a1, int a2) throws SQLException {
    try {
      target.updateCharacterStream(a0, a1, a2);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateCharacterStream", e);
    }
  }

  @Override public void updateObject(int a0, Object a1, int a2) throws SQLException {
    try {
      target.updateObject(a0, a1, a2);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateObject", e);
    }
  }

  @Override public void updateObject(int a0, Object a1) throws SQLException {
    try {
      target.updateObject(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateObject", e);
    }
  }

  @Override public void updateNull(String a0) throws SQLException {
    try {
      target.updateNull(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateNull", e);
    }
  }

  @Override public void updateBoolean(String a0, boolean a1) throws SQLException {
    try {
      target.updateBoolean(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateBoolean", e);
    }
  }

  @Override public void updateByte(String a0, byte a1) throws SQLException {
    try {
      target.updateByte(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateByte", e);
    }
  }

  @Override public void updateShort(String a0, short a1) throws SQLException {
    try {
      target.updateShort(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateShort", e);
    }
  }

  @Override public void updateInt(String a0, int a1) throws SQLException {
    try {
      target.updateInt(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateInt", e);
    }
  }

  @Override public void updateLong(String a0, long a1) throws SQLException {
    try {
      target.updateLong(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateLong", e);
    }
  }

  @Override public void updateFloat(String a0, float a1) throws SQLException {
    try {
      target.updateFloat(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateFloat", e);
    }
  }

  @Override public void updateDouble(String a0, double a1) throws SQLException {
    try {
      target.updateDouble(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateDouble", e);
    }
  }

  @Override public void updateBigDecimal(String a0, BigDecimal a1) throws SQLException {
    try {
      target.updateBigDecimal(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateBigDecimal", e);
    }
  }

  @Override public void updateString(String a0, String a1) throws SQLException {
    try {
      target.updateString(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateString", e);
    }
  }

  @Override public void updateBytes(String a0, byte[] a1) throws SQLException {
    try {
      target.updateBytes(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateBytes", e);
    }
  }

  @Override public void updateDate(String a0, Date a1) throws SQLException {
    try {
      target.updateDate(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateDate", e);
    }
  }

  @Override public void updateTime(String a0, Time a1) throws SQLException {
    try {
      target.updateTime(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateTime", e);
    }
  }

  @Override public void updateTimestamp(String a0, Timestamp a1) throws SQLException {
    try {
      target.updateTimestamp(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateTimestamp", e);
    }
  }

  @Override public void updateAsciiStream(String a0, InputStream a1, int a2) throws SQLException {
    try {
      target.updateAsciiStream(a0, a1, a2);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateAsciiStream", e);
    }
  }

  @Override public void updateBinaryStream(String a0, InputStream a1, int a2) throws SQLException {
    try {
      target.updateBinaryStream(a0, a1, a2);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateBinaryStream", e);
    }
  }

  @Override public void updateCharacterStream(String a0, Reader a1, int a2) throws SQLException {
    try {
      target.updateCharacterStream(a0, a1, a2);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateCharacterStream", e);
    }
  }

  @Override public void updateObject(String a0, Object a1, int a2) throws SQLException {
    try {
      target.updateObject(a0, a1, a2);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateObject", e);
    }
  }

  @Override public void updateObject(String a0, Object a1) throws SQLException {
    try {
      target.updateObject(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateObject", e);
    }
  }

  @Override public void insertRow() throws SQLException {
    try {
      target.insertRow();
    } catch (SQLException | RuntimeException e) {
      throw fail("insertRow", e);
    }
  }

  @Override public void updateRow() throws SQLException {
    try {
      target.updateRow();
    } catch (SQLException | RuntimeException e) {
      throw fail("updateRow", e);
    }
  }

  @Override public void deleteRow() throws SQLException {
    try {
      target.deleteRow();
    } catch (SQLException | RuntimeException e) {
      throw fail("deleteRow", e);
    }
  }

  @Override public void refreshRow() throws SQLException {
    try {
      target.refreshRow();
    } catch (SQLException | RuntimeException e) {
      throw fail("refreshRow", e);
    }
  }

  @Override public void cancelRowUpdates() throws SQLException {
    try {
      target.cancelRowUpdates();
    } catch (SQLException | RuntimeException e) {
      throw fail("cancelRowUpdates", e);
    }
  }

  @Override public void moveToInsertRow() throws SQLException {
    try {
      target.moveToInsertRow();
    } catch (SQLException | RuntimeException e) {
      throw fail("moveToInsertRow", e);
    }
  }

  @Override public void moveToCurrentRow() throws SQLException {
    try {
      target.moveToCurrentRow();
    } catch (SQLException | RuntimeException e) {
      throw fail("moveToCurrentRow", e);
    }
  }

  @Override public Object getObject(int a0, Map<String, Class<?>> a1) throws SQLException {
    try {
      return target.getObject(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("getObject", e);
    }
  }

  @Override public Ref getRef(int a0) throws SQLException {
    try {
      return target.getRef(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getRef", e);
    }
  }

  @Override public Blob getBlob(int a0) throws SQLException {
    try {
      return target.getBlob(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getBlob", e);
    }
  }

  @Override public Clob getClob(int a0) throws SQLException {
    try {
      return target.getClob(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getClob", e);
    }
  }

  @Override public Array getArray(int a0) throws SQLException {
    try {
      return target.getArray(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getArray", e);
    }
  }

  @Override public Object getObject(String a0, Map<String, Class<?>> a1) throws SQLException {
    try {
      return target.getObject(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("getObject", e);
    }
  }

  @Override public Ref getRef(String a0) throws SQLException {
    try {
      return target.getRef(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getRef", e);
    }
  }

  @Override public Blob getBlob(String a0) throws SQLException {
    try {
      return target.getBlob(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getBlob", e);
    }
  }

  @Override public Clob getClob(String a0) throws SQLException {
    try {
      return target.getClob(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getClob", e);
    }
  }

  @Override public Array getArray(String a0) throws SQLException {
    try {
      return target.getArray(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getArray", e);
    }
  }

  @Override public Date getDate(int a0, Calendar a1) throws SQLException {
    try {
      return target.getDate(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("getDate", e);
    }
  }

  @Override public Date getDate(String a0, Calendar a1) throws SQLException {
    try {
      return target.getDate(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("getDate", e);
    }
  }

  @Override public Time getTime(int a0, Calendar a1) throws SQLException {
    try {
      return target.getTime(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("getTime", e);
    }
  }

  @Override public Time getTime(String a0, Calendar a1) throws SQLException {
    try {
      return target.getTime(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("getTime", e);
    }
  }

  @Override public Timestamp getTimestamp(int a0, Calendar a1) throws SQLException {
    try {
      return target.getTimestamp(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("getTimestamp", e);
    }
  }

  @Override public Timestamp getTimestamp(String a0, Calendar a1) throws SQLException {
    try {
      return target.getTimestamp(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("getTimestamp", e);
    }
  }

  @Override public URL getURL(int a0) throws SQLException {
    try {
      return target.getURL(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getURL", e);
    }
  }

  @Override public URL getURL(String a0) throws SQLException {
    try {
      return target.getURL(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getURL", e);
    }
  }

  @Override public void updateRef(int a0, Ref a1) throws SQLException {
    try {
      target.updateRef(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateRef", e);
    }
  }

  @Override public void updateRef(String a0, Ref a1) throws SQLException {
    try {
      target.updateRef(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateRef", e);
    }
  }

  @Override public void updateBlob(int a0, Blob a1) throws SQLException {
    try {
      target.updateBlob(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateBlob", e);
    }
  }

  @Override public void updateBlob(String a0, Blob a1) throws SQLException {
    try {
      target.updateBlob(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateBlob", e);
    }
  }

  @Override public void updateClob(int a0, Clob a1) throws SQLException {
    try {
      target.updateClob(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateClob", e);
    }
  }

  @Override public void updateClob(String a0, Clob a1) throws SQLException {
    try {
      target.updateClob(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateClob", e);
    }
  }

  @Override public void updateArray(int a0, Array a1) throws SQLException {
    try {
      target.updateArray(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateArray", e);
    }
  }

  @Override public void updateArray(String a0, Array a1) throws SQLException {
    try {
      target.updateArray(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateArray", e);
    }
  }

  @Override public RowId getRowId(int a0) throws SQLException {
    try {
      return target.getRowId(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getRowId", e);
    }
  }

  @Override public RowId getRowId(String a0) throws SQLException {
    try {
      return target.getRowId(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getRowId", e);
    }
  }

  @Override public void updateRowId(int a0, RowId a1) throws SQLException {
    try {
      target.updateRowId(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateRowId", e);
    }
  }

  @Override public void updateRowId(String a0, RowId a1) throws SQLException {
    try {
      target.updateRowId(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateRowId", e);
    }
  }

  @Override public int getHoldability() throws SQLException {
    try {
      return target.getHoldability();
    } catch (SQLException | RuntimeException e) {
      throw fail("getHoldability", e);
    }
  }

  @Override public boolean isClosed() throws SQLException {
    try {
      return target.isClosed();
    } catch (SQLException | RuntimeException e) {
      throw fail("isClosed", e);
    }
  }

  @Override public void updateNString(int a0, String a1) throws SQLException {
    try {
      target.updateNString(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateNString", e);
    }
  }

  @Override public void updateNString(String a0, String a1) throws SQLException {
    try {
      target.updateNString(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateNString", e);
    }
  }

  @Override public void updateNClob(int a0, NClob a1) throws SQLException {
    try {
      target.updateNClob(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateNClob", e);
    }
  }

  @Override public void updateNClob(String a0, NClob a1) throws SQLException {
    try {
      target.updateNClob(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateNClob", e);
    }
  }

  @Override public NClob getNClob(int a0) throws SQLException {
    try {
      return target.getNClob(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getNClob", e);
    }
  }

  @Override public NClob getNClob(String a0) throws SQLException {
    try {
      return target.getNClob(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getNClob", e);
    }
  }

  @Override public SQLXML getSQLXML(int a0) throws SQLException {
    try {
      return target.getSQLXML(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getSQLXML", e);
    }
  }

  @Override public SQLXML getSQLXML(String a0) throws SQLException {
    try {
      return target.getSQLXML(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getSQLXML", e);
    }
  }

  @Override public void updateSQLXML(int a0, SQLXML a1) throws SQLException {
    try {
      target.updateSQLXML(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateSQLXML", e);
    }
  }

  @Override public void updateSQLXML(String a0, SQLXML a1) throws SQLException {
    try {
      target.updateSQLXML(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateSQLXML", e);
    }
  }

  @Override public String getNString(int a0) throws SQLException {
    try {
      return target.getNString(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getNString", e);
    }
  }

  @Override public String getNString(String a0) throws SQLException {
    try {
      return target.getNString(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getNString", e);
    }
  }

  @Override public Reader getNCharacterStream(int a0) throws SQLException {
    try {
      return target.getNCharacterStream(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getNCharacterStream", e);
    }
  }

  @Override public Reader getNCharacterStream(String a0) throws SQLException {
    try {
      return target.getNCharacterStream(a0);
    } catch (SQLException | RuntimeException e) {
      throw fail("getNCharacterStream", e);
    }
  }

  @Override public void updateNCharacterStream(int a0, Reader a1, long a2) throws SQLException {
    try {
      target.updateNCharacterStream(a0, a1, a2);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateNCharacterStream", e);
    }
  }

  @Override public void updateNCharacterStream(String a0, Reader a1, long a2) throws SQLException {
    try {
      target.updateNCharacterStream(a0, a1, a2);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateNCharacterStream", e);
    }
  }

  @Override public void updateAsciiStream(int a0, InputStream a1, long a2) throws SQLException {
    try {
      target.updateAsciiStream(a0, a1, a2);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateAsciiStream", e);
    }
  }

  @Override public void updateBinaryStream(int a0, InputStream a1, long a2) throws SQLException {
    try {
      target.updateBinaryStream(a0, a1, a2);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateBinaryStream", e);
    }
  }

  @Override public void updateCharacterStream(int a0, Reader a1, long a2) throws SQLException {
    try {
      target.updateCharacterStream(a0, a1, a2);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateCharacterStream", e);
    }
  }

  @Override public void updateAsciiStream(String a0, InputStream a1, long a2) throws SQLException {
    try {
      target.updateAsciiStream(a0, a1, a2);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateAsciiStream", e);
    }
  }

  @Override public void updateBinaryStream(String a0, InputStream a1, long a2) throws SQLException {
    try {
      target.updateBinaryStream(a0, a1, a2);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateBinaryStream", e);
    }
  }

  @Override public void updateCharacterStream(String a0, Reader a1, long a2) throws SQLException {
    try {
      target.updateCharacterStream(a0, a1, a2);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateCharacterStream", e);
    }
  }

  @Override public void updateBlob(int a0, InputStream a1, long a2) throws SQLException {
    try {
      target.updateBlob(a0, a1, a2);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateBlob", e);
    }
  }

  @Override public void updateBlob(String a0, InputStream a1, long a2) throws SQLException {
    try {
      target.updateBlob(a0, a1, a2);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateBlob", e);
    }
  }

  @Override public void updateClob(int a0, Reader a1, long a2) throws SQLException {
    try {
      target.updateClob(a0, a1, a2);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateClob", e);
    }
  }

  @Override public void updateClob(String a0, Reader a1, long a2) throws SQLException {
    try {
      target.updateClob(a0, a1, a2);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateClob", e);
    }
  }

  @Override public void updateNClob(int a0, Reader a1, long a2) throws SQLException {
    try {
      target.updateNClob(a0, a1, a2);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateNClob", e);
    }
  }

  @Override public void updateNClob(String a0, Reader a1, long a2) throws SQLException {
    try {
      target.updateNClob(a0, a1, a2);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateNClob", e);
    }
  }

  @Override public void updateNCharacterStream(int a0, Reader a1) throws SQLException {
    try {
      target.updateNCharacterStream(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateNCharacterStream", e);
    }
  }

  @Override public void updateNCharacterStream(String a0, Reader a1) throws SQLException {
    try {
      target.updateNCharacterStream(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateNCharacterStream", e);
    }
  }

  @Override public void updateAsciiStream(int a0, InputStream a1) throws SQLException {
    try {
      target.updateAsciiStream(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateAsciiStream", e);
    }
  }

  @Override public void updateBinaryStream(int a0, InputStream a1) throws SQLException {
    try {
      target.updateBinaryStream(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateBinaryStream", e);
    }
  }

  @Override public void updateCharacterStream(int a0, Reader a1) throws SQLException {
    try {
      target.updateCharacterStream(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateCharacterStream", e);
    }
  }

  @Override public void updateAsciiStream(String a0, InputStream a1) throws SQLException {
    try {
      target.updateAsciiStream(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateAsciiStream", e);
    }
  }

  @Override public void updateBinaryStream(String a0, InputStream a1) throws SQLException {
    try {
      target.updateBinaryStream(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateBinaryStream", e);
    }
  }

  @Override public void updateCharacterStream(String a0, Reader a1) throws SQLException {
    try {
      target.updateCharacterStream(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateCharacterStream", e);
    }
  }

  @Override public void updateBlob(int a0, InputStream a1) throws SQLException {
    try {
      target.updateBlob(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateBlob", e);
    }
  }

  @Override public void updateBlob(String a0, InputStream a1) throws SQLException {
    try {
      target.updateBlob(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateBlob", e);
    }
  }

  @Override public void updateClob(int a0, Reader a1) throws SQLException {
    try {
      target.updateClob(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateClob", e);
    }
  }

  @Override public void updateClob(String a0, Reader a1) throws SQLException {
    try {
      target.updateClob(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateClob", e);
    }
  }

  @Override public void updateNClob(int a0, Reader a1) throws SQLException {
    try {
      target.updateNClob(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateNClob", e);
    }
  }

  @Override public void updateNClob(String a0, Reader a1) throws SQLException {
    try {
      target.updateNClob(a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("updateNClob", e);
    }
  }

  @Override public <T> T getObject(int a0, Class<T> a1) throws SQLException {
    try {
      return TypedObjects.get(this, a0, a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("getObject", e);
    }
  }

  @Override public <T> T getObject(String a0, Class<T> a1) throws SQLException {
    try {
      return TypedObjects.get(this, findColumn(a0), a1);
    } catch (SQLException | RuntimeException e) {
      throw fail("getObject", e);
    }
  }
}
