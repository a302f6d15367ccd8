package io.junctionsql.planner.source.jdbc;

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
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * A source's result set that counts the rows it gives and the time its driver takes to give them, and reports
 * both once, when they end or are
 * closed, and tags every failure with the source's name. Written out, not a reflective proxy, because
 * {@code next()} and the getters are the per-row path of every source read: one direct call per value.
 */
final class CountedResultSet implements ResultSet {
  private final ResultSet rows;
  private final ObservedDataSource source;
  private long count;
  private long nanos;
  private boolean reported;

  CountedResultSet(ResultSet rows, ObservedDataSource source) {
    this.rows = rows;
    this.source = source;
  }

  /** Also times the call: fetching the source's next batch happens inside it. */
  @Override public boolean next() throws SQLException {
    boolean more;
    long started = System.nanoTime();
    try {
      more = rows.next();
    } catch (SQLException e) {
      throw source.failure(e);
    } finally {
      nanos += System.nanoTime() - started;
    }
    if (more) {
      count++;
    } else {
      report();
    }
    return more;
  }

  @Override public void close() throws SQLException {
    report();
    try {
      rows.close();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  private void report() {
    if (!reported) {
      reported = true;
      source.rowsRead(count, nanos);
    }
  }

  @Override public String toString() {
    return rows.toString();
  }

  @Override public boolean absolute(int a0) throws SQLException {
    try {
      return rows.absolute(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void afterLast() throws SQLException {
    try {
      rows.afterLast();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void beforeFirst() throws SQLException {
    try {
      rows.beforeFirst();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void cancelRowUpdates() throws SQLException {
    try {
      rows.cancelRowUpdates();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void clearWarnings() throws SQLException {
    try {
      rows.clearWarnings();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void deleteRow() throws SQLException {
    try {
      rows.deleteRow();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public int findColumn(String a0) throws SQLException {
    try {
      return rows.findColumn(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public boolean first() throws SQLException {
    try {
      return rows.first();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Array getArray(String a0) throws SQLException {
    try {
      return rows.getArray(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Array getArray(int a0) throws SQLException {
    try {
      return rows.getArray(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public InputStream getAsciiStream(String a0) throws SQLException {
    try {
      return rows.getAsciiStream(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public InputStream getAsciiStream(int a0) throws SQLException {
    try {
      return rows.getAsciiStream(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Deprecated
  @Override public BigDecimal getBigDecimal(String a0, int a1) throws SQLException {
    try {
      return rows.getBigDecimal(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public BigDecimal getBigDecimal(String a0) throws SQLException {
    try {
      return rows.getBigDecimal(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Deprecated
  @Override public BigDecimal getBigDecimal(int a0, int a1) throws SQLException {
    try {
      return rows.getBigDecimal(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public BigDecimal getBigDecimal(int a0) throws SQLException {
    try {
      return rows.getBigDecimal(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public InputStream getBinaryStream(String a0) throws SQLException {
    try {
      return rows.getBinaryStream(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public InputStream getBinaryStream(int a0) throws SQLException {
    try {
      return rows.getBinaryStream(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Blob getBlob(String a0) throws SQLException {
    try {
      return rows.getBlob(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Blob getBlob(int a0) throws SQLException {
    try {
      return rows.getBlob(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public boolean getBoolean(String a0) throws SQLException {
    try {
      return rows.getBoolean(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public boolean getBoolean(int a0) throws SQLException {
    try {
      return rows.getBoolean(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public byte getByte(String a0) throws SQLException {
    try {
      return rows.getByte(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public byte getByte(int a0) throws SQLException {
    try {
      return rows.getByte(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public byte[] getBytes(String a0) throws SQLException {
    try {
      return rows.getBytes(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public byte[] getBytes(int a0) throws SQLException {
    try {
      return rows.getBytes(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Reader getCharacterStream(String a0) throws SQLException {
    try {
      return rows.getCharacterStream(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Reader getCharacterStream(int a0) throws SQLException {
    try {
      return rows.getCharacterStream(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Clob getClob(String a0) throws SQLException {
    try {
      return rows.getClob(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Clob getClob(int a0) throws SQLException {
    try {
      return rows.getClob(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public int getConcurrency() throws SQLException {
    try {
      return rows.getConcurrency();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public String getCursorName() throws SQLException {
    try {
      return rows.getCursorName();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Date getDate(String a0, Calendar a1) throws SQLException {
    try {
      return rows.getDate(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Date getDate(String a0) throws SQLException {
    try {
      return rows.getDate(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Date getDate(int a0, Calendar a1) throws SQLException {
    try {
      return rows.getDate(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Date getDate(int a0) throws SQLException {
    try {
      return rows.getDate(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public double getDouble(String a0) throws SQLException {
    try {
      return rows.getDouble(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public double getDouble(int a0) throws SQLException {
    try {
      return rows.getDouble(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public int getFetchDirection() throws SQLException {
    try {
      return rows.getFetchDirection();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public int getFetchSize() throws SQLException {
    try {
      return rows.getFetchSize();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public float getFloat(String a0) throws SQLException {
    try {
      return rows.getFloat(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public float getFloat(int a0) throws SQLException {
    try {
      return rows.getFloat(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public int getHoldability() throws SQLException {
    try {
      return rows.getHoldability();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public int getInt(String a0) throws SQLException {
    try {
      return rows.getInt(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public int getInt(int a0) throws SQLException {
    try {
      return rows.getInt(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public long getLong(String a0) throws SQLException {
    try {
      return rows.getLong(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public long getLong(int a0) throws SQLException {
    try {
      return rows.getLong(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public ResultSetMetaData getMetaData() throws SQLException {
    try {
      return rows.getMetaData();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Reader getNCharacterStream(String a0) throws SQLException {
    try {
      return rows.getNCharacterStream(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Reader getNCharacterStream(int a0) throws SQLException {
    try {
      return rows.getNCharacterStream(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public NClob getNClob(String a0) throws SQLException {
    try {
      return rows.getNClob(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public NClob getNClob(int a0) throws SQLException {
    try {
      return rows.getNClob(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public String getNString(String a0) throws SQLException {
    try {
      return rows.getNString(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public String getNString(int a0) throws SQLException {
    try {
      return rows.getNString(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public <T> T getObject(String a0, Class<T> a1) throws SQLException {
    try {
      return rows.getObject(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Object getObject(String a0, Map<String, Class<?>> a1) throws SQLException {
    try {
      return rows.getObject(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Object getObject(String a0) throws SQLException {
    try {
      return rows.getObject(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public <T> T getObject(int a0, Class<T> a1) throws SQLException {
    try {
      return rows.getObject(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Object getObject(int a0, Map<String, Class<?>> a1) throws SQLException {
    try {
      return rows.getObject(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Object getObject(int a0) throws SQLException {
    try {
      return rows.getObject(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Ref getRef(String a0) throws SQLException {
    try {
      return rows.getRef(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Ref getRef(int a0) throws SQLException {
    try {
      return rows.getRef(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public int getRow() throws SQLException {
    try {
      return rows.getRow();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public RowId getRowId(String a0) throws SQLException {
    try {
      return rows.getRowId(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public RowId getRowId(int a0) throws SQLException {
    try {
      return rows.getRowId(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public SQLXML getSQLXML(String a0) throws SQLException {
    try {
      return rows.getSQLXML(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public SQLXML getSQLXML(int a0) throws SQLException {
    try {
      return rows.getSQLXML(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public short getShort(String a0) throws SQLException {
    try {
      return rows.getShort(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public short getShort(int a0) throws SQLException {
    try {
      return rows.getShort(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Statement getStatement() throws SQLException {
    try {
      return rows.getStatement();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public String getString(String a0) throws SQLException {
    try {
      return rows.getString(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public String getString(int a0) throws SQLException {
    try {
      return rows.getString(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Time getTime(String a0, Calendar a1) throws SQLException {
    try {
      return rows.getTime(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Time getTime(String a0) throws SQLException {
    try {
      return rows.getTime(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Time getTime(int a0, Calendar a1) throws SQLException {
    try {
      return rows.getTime(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Time getTime(int a0) throws SQLException {
    try {
      return rows.getTime(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Timestamp getTimestamp(String a0, Calendar a1) throws SQLException {
    try {
      return rows.getTimestamp(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Timestamp getTimestamp(String a0) throws SQLException {
    try {
      return rows.getTimestamp(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Timestamp getTimestamp(int a0, Calendar a1) throws SQLException {
    try {
      return rows.getTimestamp(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public Timestamp getTimestamp(int a0) throws SQLException {
    try {
      return rows.getTimestamp(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public int getType() throws SQLException {
    try {
      return rows.getType();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public URL getURL(String a0) throws SQLException {
    try {
      return rows.getURL(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public URL getURL(int a0) throws SQLException {
    try {
      return rows.getURL(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Deprecated
  @Override public InputStream getUnicodeStream(String a0) throws SQLException {
    try {
      return rows.getUnicodeStream(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Deprecated
  @Override public InputStream getUnicodeStream(int a0) throws SQLException {
    try {
      return rows.getUnicodeStream(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public SQLWarning getWarnings() throws SQLException {
    try {
      return rows.getWarnings();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void insertRow() throws SQLException {
    try {
      rows.insertRow();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public boolean isAfterLast() throws SQLException {
    try {
      return rows.isAfterLast();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public boolean isBeforeFirst() throws SQLException {
    try {
      return rows.isBeforeFirst();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public boolean isClosed() throws SQLException {
    try {
      return rows.isClosed();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public boolean isFirst() throws SQLException {
    try {
      return rows.isFirst();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public boolean isLast() throws SQLException {
    try {
      return rows.isLast();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public boolean isWrapperFor(Class<?> a0) throws SQLException {
    try {
      return rows.isWrapperFor(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public boolean last() throws SQLException {
    try {
      return rows.last();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void moveToCurrentRow() throws SQLException {
    try {
      rows.moveToCurrentRow();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void moveToInsertRow() throws SQLException {
    try {
      rows.moveToInsertRow();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public boolean previous() throws SQLException {
    try {
      return rows.previous();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void refreshRow() throws SQLException {
    try {
      rows.refreshRow();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public boolean relative(int a0) throws SQLException {
    try {
      return rows.relative(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public boolean rowDeleted() throws SQLException {
    try {
      return rows.rowDeleted();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public boolean rowInserted() throws SQLException {
    try {
      return rows.rowInserted();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public boolean rowUpdated() throws SQLException {
    try {
      return rows.rowUpdated();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void setFetchDirection(int a0) throws SQLException {
    try {
      rows.setFetchDirection(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void setFetchSize(int a0) throws SQLException {
    try {
      rows.setFetchSize(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public <T> T unwrap(Class<T> a0) throws SQLException {
    try {
      return rows.unwrap(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateArray(String a0, Array a1) throws SQLException {
    try {
      rows.updateArray(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateArray(int a0, Array a1) throws SQLException {
    try {
      rows.updateArray(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateAsciiStream(String a0, InputStream a1, int a2) throws SQLException {
    try {
      rows.updateAsciiStream(a0, a1, a2);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateAsciiStream(String a0, InputStream a1, long a2) throws SQLException {
    try {
      rows.updateAsciiStream(a0, a1, a2);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateAsciiStream(String a0, InputStream a1) throws SQLException {
    try {
      rows.updateAsciiStream(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateAsciiStream(int a0, InputStream a1, int a2) throws SQLException {
    try {
      rows.updateAsciiStream(a0, a1, a2);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateAsciiStream(int a0, InputStream a1, long a2) throws SQLException {
    try {
      rows.updateAsciiStream(a0, a1, a2);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateAsciiStream(int a0, InputStream a1) throws SQLException {
    try {
      rows.updateAsciiStream(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateBigDecimal(String a0, BigDecimal a1) throws SQLException {
    try {
      rows.updateBigDecimal(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateBigDecimal(int a0, BigDecimal a1) throws SQLException {
    try {
      rows.updateBigDecimal(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateBinaryStream(String a0, InputStream a1, int a2) throws SQLException {
    try {
      rows.updateBinaryStream(a0, a1, a2);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateBinaryStream(String a0, InputStream a1, long a2) throws SQLException {
    try {
      rows.updateBinaryStream(a0, a1, a2);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateBinaryStream(String a0, InputStream a1) throws SQLException {
    try {
      rows.updateBinaryStream(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateBinaryStream(int a0, InputStream a1, int a2) throws SQLException {
    try {
      rows.updateBinaryStream(a0, a1, a2);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateBinaryStream(int a0, InputStream a1, long a2) throws SQLException {
    try {
      rows.updateBinaryStream(a0, a1, a2);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateBinaryStream(int a0, InputStream a1) throws SQLException {
    try {
      rows.updateBinaryStream(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateBlob(String a0, InputStream a1, long a2) throws SQLException {
    try {
      rows.updateBlob(a0, a1, a2);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateBlob(String a0, InputStream a1) throws SQLException {
    try {
      rows.updateBlob(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateBlob(String a0, Blob a1) throws SQLException {
    try {
      rows.updateBlob(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateBlob(int a0, InputStream a1, long a2) throws SQLException {
    try {
      rows.updateBlob(a0, a1, a2);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateBlob(int a0, InputStream a1) throws SQLException {
    try {
      rows.updateBlob(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateBlob(int a0, Blob a1) throws SQLException {
    try {
      rows.updateBlob(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateBoolean(String a0, boolean a1) throws SQLException {
    try {
      rows.updateBoolean(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateBoolean(int a0, boolean a1) throws SQLException {
    try {
      rows.updateBoolean(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateByte(String a0, byte a1) throws SQLException {
    try {
      rows.updateByte(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateByte(int a0, byte a1) throws SQLException {
    try {
      rows.updateByte(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateBytes(String a0, byte[] a1) throws SQLException {
    try {
      rows.updateBytes(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateBytes(int a0, byte[] a1) throws SQLException {
    try {
      rows.updateBytes(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateCharacterStream(String a0, Reader a1, int a2) throws SQLException {
    try {
      rows.updateCharacterStream(a0, a1, a2);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateCharacterStream(String a0, Reader a1, long a2) throws SQLException {
    try {
      rows.updateCharacterStream(a0, a1, a2);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateCharacterStream(String a0, Reader a1) throws SQLException {
    try {
      rows.updateCharacterStream(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateCharacterStream(int a0, Reader a1, int a2) throws SQLException {
    try {
      rows.updateCharacterStream(a0, a1, a2);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateCharacterStream(int a0, Reader a1, long a2) throws SQLException {
    try {
      rows.updateCharacterStream(a0, a1, a2);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateCharacterStream(int a0, Reader a1) throws SQLException {
    try {
      rows.updateCharacterStream(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateClob(String a0, Reader a1, long a2) throws SQLException {
    try {
      rows.updateClob(a0, a1, a2);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateClob(String a0, Reader a1) throws SQLException {
    try {
      rows.updateClob(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateClob(String a0, Clob a1) throws SQLException {
    try {
      rows.updateClob(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateClob(int a0, Reader a1, long a2) throws SQLException {
    try {
      rows.updateClob(a0, a1, a2);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateClob(int a0, Reader a1) throws SQLException {
    try {
      rows.updateClob(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateClob(int a0, Clob a1) throws SQLException {
    try {
      rows.updateClob(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateDate(String a0, Date a1) throws SQLException {
    try {
      rows.updateDate(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateDate(int a0, Date a1) throws SQLException {
    try {
      rows.updateDate(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateDouble(String a0, double a1) throws SQLException {
    try {
      rows.updateDouble(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateDouble(int a0, double a1) throws SQLException {
    try {
      rows.updateDouble(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateFloat(String a0, float a1) throws SQLException {
    try {
      rows.updateFloat(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateFloat(int a0, float a1) throws SQLException {
    try {
      rows.updateFloat(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateInt(String a0, int a1) throws SQLException {
    try {
      rows.updateInt(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateInt(int a0, int a1) throws SQLException {
    try {
      rows.updateInt(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateLong(String a0, long a1) throws SQLException {
    try {
      rows.updateLong(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateLong(int a0, long a1) throws SQLException {
    try {
      rows.updateLong(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateNCharacterStream(String a0, Reader a1, long a2) throws SQLException {
    try {
      rows.updateNCharacterStream(a0, a1, a2);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateNCharacterStream(String a0, Reader a1) throws SQLException {
    try {
      rows.updateNCharacterStream(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateNCharacterStream(int a0, Reader a1, long a2) throws SQLException {
    try {
      rows.updateNCharacterStream(a0, a1, a2);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateNCharacterStream(int a0, Reader a1) throws SQLException {
    try {
      rows.updateNCharacterStream(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateNClob(String a0, Reader a1, long a2) throws SQLException {
    try {
      rows.updateNClob(a0, a1, a2);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateNClob(String a0, Reader a1) throws SQLException {
    try {
      rows.updateNClob(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateNClob(String a0, NClob a1) throws SQLException {
    try {
      rows.updateNClob(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateNClob(int a0, Reader a1, long a2) throws SQLException {
    try {
      rows.updateNClob(a0, a1, a2);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateNClob(int a0, Reader a1) throws SQLException {
    try {
      rows.updateNClob(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateNClob(int a0, NClob a1) throws SQLException {
    try {
      rows.updateNClob(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateNString(String a0, String a1) throws SQLException {
    try {
      rows.updateNString(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateNString(int a0, String a1) throws SQLException {
    try {
      rows.updateNString(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateNull(String a0) throws SQLException {
    try {
      rows.updateNull(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateNull(int a0) throws SQLException {
    try {
      rows.updateNull(a0);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateObject(String a0, Object a1, int a2) throws SQLException {
    try {
      rows.updateObject(a0, a1, a2);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateObject(String a0, Object a1, SQLType a2, int a3) throws SQLException {
    try {
      rows.updateObject(a0, a1, a2, a3);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateObject(String a0, Object a1, SQLType a2) throws SQLException {
    try {
      rows.updateObject(a0, a1, a2);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateObject(String a0, Object a1) throws SQLException {
    try {
      rows.updateObject(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateObject(int a0, Object a1, int a2) throws SQLException {
    try {
      rows.updateObject(a0, a1, a2);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateObject(int a0, Object a1, SQLType a2, int a3) throws SQLException {
    try {
      rows.updateObject(a0, a1, a2, a3);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateObject(int a0, Object a1, SQLType a2) throws SQLException {
    try {
      rows.updateObject(a0, a1, a2);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateObject(int a0, Object a1) throws SQLException {
    try {
      rows.updateObject(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateRef(String a0, Ref a1) throws SQLException {
    try {
      rows.updateRef(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateRef(int a0, Ref a1) throws SQLException {
    try {
      rows.updateRef(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateRow() throws SQLException {
    try {
      rows.updateRow();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateRowId(String a0, RowId a1) throws SQLException {
    try {
      rows.updateRowId(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateRowId(int a0, RowId a1) throws SQLException {
    try {
      rows.updateRowId(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateSQLXML(String a0, SQLXML a1) throws SQLException {
    try {
      rows.updateSQLXML(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateSQLXML(int a0, SQLXML a1) throws SQLException {
    try {
      rows.updateSQLXML(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateShort(String a0, short a1) throws SQLException {
    try {
      rows.updateShort(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateShort(int a0, short a1) throws SQLException {
    try {
      rows.updateShort(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateString(String a0, String a1) throws SQLException {
    try {
      rows.updateString(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateString(int a0, String a1) throws SQLException {
    try {
      rows.updateString(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateTime(String a0, Time a1) throws SQLException {
    try {
      rows.updateTime(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateTime(int a0, Time a1) throws SQLException {
    try {
      rows.updateTime(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateTimestamp(String a0, Timestamp a1) throws SQLException {
    try {
      rows.updateTimestamp(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public void updateTimestamp(int a0, Timestamp a1) throws SQLException {
    try {
      rows.updateTimestamp(a0, a1);
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }

  @Override public boolean wasNull() throws SQLException {
    try {
      return rows.wasNull();
    } catch (SQLException e) {
      throw source.failure(e);
    }
  }
}
