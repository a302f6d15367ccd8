package io.junctionsql.driver;

import io.junctionsql.planner.SqlStates;
import io.junctionsql.planner.runtime.ColumnarRows;

import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.avatica.util.DateTimeUtils;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * The rows of a plain scan (a query that only reads columns of one Delta table), served to the client
 * straight from the source's column vectors: a typed getter reads one value, unboxed. Values are what
 * the general path would give for the same column; the metadata is the general path's own.
 */
final class ColumnarResultSet extends UnsupportedResultSet {
  private final ColumnarRows rows;
  private final ResultSetMetaData metaData;
  private final Statement statement;
  private final int[] types;
  private final int[] precisions;
  private final String[] labels;
  private final long maxRows;
  private final TimeZone zone = TimeZone.getDefault();
  private long row;
  private boolean closed;
  private boolean wasNull;
  private volatile boolean cancelled;

  ColumnarResultSet(ColumnarRows rows, ResultSetMetaData metaData, Statement statement, long maxRows)
      throws SQLException {
    this.rows = rows;
    this.metaData = metaData;
    this.statement = statement;
    this.maxRows = maxRows;
    int n = metaData.getColumnCount();
    this.types = new int[n];
    this.precisions = new int[n];
    this.labels = new String[n];
    for (int i = 0; i < n; i++) {
      types[i] = metaData.getColumnType(i + 1);
      precisions[i] = metaData.getPrecision(i + 1);
      labels[i] = metaData.getColumnLabel(i + 1);
    }
  }

  /** Asked from another thread by {@code Statement.cancel()}: the next row read fails with 57014. */
  void cancel() {
    cancelled = true;
  }

  @Override public boolean next() throws SQLException {
    checkOpen();
    if (cancelled) {
      close();
      throw new SQLException("The query was cancelled.", SqlStates.QUERY_CANCELLED);
    }
    if (maxRows > 0 && row >= maxRows) {
      return false;
    }
    boolean more = rows.next();
    if (more) {
      row++;
    }
    return more;
  }

  private int column(int index) throws SQLException {
    checkOpen();
    if (index < 1 || index > types.length) {
      throw new SQLException("column " + index + " is out of range 1 to " + types.length, "07009");
    }
    int c = index - 1;
    wasNull = rows.isNull(c);
    return c;
  }

  @Override public boolean wasNull() {
    return wasNull;
  }

  @Override public Object getObject(int index) throws SQLException {
    int c = column(index);
    if (wasNull) {
      return null;
    }
    switch (types[c]) {
    case Types.BOOLEAN:
      return rows.getBoolean(c);
    case Types.TINYINT:
      return (byte) rows.getLong(c);
    case Types.SMALLINT:
      return (short) rows.getLong(c);
    case Types.INTEGER:
      return (int) rows.getLong(c);
    case Types.BIGINT:
      return rows.getLong(c);
    case Types.REAL:
      return (float) rows.getDouble(c);
    case Types.FLOAT:
    case Types.DOUBLE:
      return rows.getDouble(c);
    case Types.DECIMAL:
    case Types.NUMERIC:
      return rows.getDecimal(c);
    case Types.DATE:
      return getDate(index);
    case Types.TIMESTAMP:
      return getTimestamp(index);
    case Types.BINARY:
    case Types.VARBINARY:
      return rows.getBytes(c);
    default:
      return rows.getString(c);
    }
  }

  @Override public String getString(int index) throws SQLException {
    int c = column(index);
    if (wasNull) {
      return null;
    }
    switch (types[c]) {
    case Types.DATE:
      return DateTimeUtils.unixDateToString((int) rows.getLong(c));
    case Types.TIMESTAMP:
      return DateTimeUtils.unixTimestampToString(rows.getTimestampMillis(c), precisions[c]);
    case Types.BINARY:
    case Types.VARBINARY:
      return ByteString.toString(rows.getBytes(c), 16);
    case Types.VARCHAR:
    case Types.CHAR:
      return rows.getString(c);
    default:
      return String.valueOf(getObject(index));
    }
  }

  /**
   * A column's value as a number, for the numeric getters: as the general path gives it, a boolean is
   * 1 or 0, a date its days since 1970-01-01 and a timestamp its milliseconds; text and bytes are not numbers.
   */
  private Number number(int c, String getter) throws SQLException {
    if (wasNull) {
      if (!isNumeric(types[c])) {
        throw cannotConvert(c, getter);
      }
      return 0L;
    }
    switch (types[c]) {
    case Types.TINYINT:
    case Types.SMALLINT:
    case Types.INTEGER:
    case Types.BIGINT:
    case Types.DATE:
      return rows.getLong(c);
    case Types.BOOLEAN:
      return rows.getBoolean(c) ? 1L : 0L;
    case Types.REAL:
    case Types.FLOAT:
    case Types.DOUBLE:
      return rows.getDouble(c);
    case Types.DECIMAL:
    case Types.NUMERIC:
      return rows.getDecimal(c);
    case Types.TIMESTAMP:
      return rows.getTimestampMillis(c);
    default:
      throw cannotConvert(c, getter);
    }
  }

  private static boolean isNumeric(int type) {
    switch (type) {
    case Types.TINYINT:
    case Types.SMALLINT:
    case Types.INTEGER:
    case Types.BIGINT:
    case Types.DATE:
    case Types.BOOLEAN:
    case Types.REAL:
    case Types.FLOAT:
    case Types.DOUBLE:
    case Types.DECIMAL:
    case Types.NUMERIC:
    case Types.TIMESTAMP:
      return true;
    default:
      return false;
    }
  }

  /** As in the general path, a getter that does not fit the column's type fails even when the value is null. */
  private SQLException cannotConvert(int c, String getter) throws SQLException {
    return new SQLException("Column " + metaData.getColumnLabel(c + 1) + " is " + metaData.getColumnTypeName(c + 1)
        + "; it cannot be read with " + getter + "(). Use getString() or getObject().", "22018");
  }

  @Override public long getLong(int index) throws SQLException {
    int c = column(index);
    return number(c, "getLong").longValue();
  }

  @Override public int getInt(int index) throws SQLException {
    int c = column(index);
    return number(c, "getInt").intValue();
  }

  @Override public short getShort(int index) throws SQLException {
    int c = column(index);
    return number(c, "getShort").shortValue();
  }

  @Override public byte getByte(int index) throws SQLException {
    int c = column(index);
    return number(c, "getByte").byteValue();
  }

  @Override public double getDouble(int index) throws SQLException {
    int c = column(index);
    return number(c, "getDouble").doubleValue();
  }

  @Override public float getFloat(int index) throws SQLException {
    int c = column(index);
    return number(c, "getFloat").floatValue();
  }

  @Override public boolean getBoolean(int index) throws SQLException {
    int c = column(index);
    if (types[c] == Types.BOOLEAN) {
      return !wasNull && rows.getBoolean(c);
    }
    Number n = number(c, "getBoolean");
    // As the general path: true when the whole-number part is not zero (0.5 is false).
    return n.longValue() != 0;
  }

  @Override public BigDecimal getBigDecimal(int index) throws SQLException {
    int c = column(index);
    Number n = number(c, "getBigDecimal");
    if (wasNull) {
      return null;
    }
    if (n instanceof BigDecimal) {
      return (BigDecimal) n;
    }
    return n instanceof Long ? BigDecimal.valueOf(n.longValue()) : BigDecimal.valueOf(n.doubleValue());
  }

  @Deprecated @Override public BigDecimal getBigDecimal(int index, int scale) throws SQLException {
    BigDecimal v = getBigDecimal(index);
    return v == null ? null : v.setScale(scale, RoundingMode.HALF_UP);
  }

  @Override public byte[] getBytes(int index) throws SQLException {
    int c = column(index);
    if (types[c] != Types.BINARY && types[c] != Types.VARBINARY) {
      throw cannotConvert(c, "getBytes");
    }
    return wasNull ? null : rows.getBytes(c);
  }

  @Override public Date getDate(int index) throws SQLException {
    return getDate(index, null);
  }

  /** In the calendar's zone when one is given, else the client's, as the general path reads it. */
  @Override public Date getDate(int index, Calendar calendar) throws SQLException {
    Timestamp t = getTimestamp(index, calendar, "getDate");
    return t == null ? null : new Date(t.getTime());
  }

  @Override public Timestamp getTimestamp(int index) throws SQLException {
    return getTimestamp(index, null);
  }

  @Override public Timestamp getTimestamp(int index, Calendar calendar) throws SQLException {
    return getTimestamp(index, calendar, "getTimestamp");
  }

  private Timestamp getTimestamp(int index, Calendar calendar, String getter) throws SQLException {
    int c = column(index);
    if (types[c] != Types.DATE && types[c] != Types.TIMESTAMP) {
      throw cannotConvert(c, getter);
    }
    if (wasNull) {
      return null;
    }
    TimeZone z = calendar == null ? zone : calendar.getTimeZone();
    long wall = types[c] == Types.DATE ? rows.getLong(c) * DateTimeUtils.MILLIS_PER_DAY : rows.getTimestampMillis(c);
    return new Timestamp(wall - z.getOffset(wall));
  }

  @Override public <T> T getObject(int index, Class<T> type) throws SQLException {
    return TypedObjects.get(this, index, type);
  }


  @Override public int findColumn(String label) throws SQLException {
    for (int i = 0; i < labels.length; i++) {
      if (labels[i].equalsIgnoreCase(label)) {
        return i + 1;
      }
    }
    throw new SQLException("no column " + label + " in this result", "42703");
  }

  @Override public Object getObject(String label) throws SQLException {
    return getObject(findColumn(label));
  }

  @Override public String getString(String label) throws SQLException {
    return getString(findColumn(label));
  }

  @Override public long getLong(String label) throws SQLException {
    return getLong(findColumn(label));
  }

  @Override public int getInt(String label) throws SQLException {
    return getInt(findColumn(label));
  }

  @Override public short getShort(String label) throws SQLException {
    return getShort(findColumn(label));
  }

  @Override public byte getByte(String label) throws SQLException {
    return getByte(findColumn(label));
  }

  @Override public double getDouble(String label) throws SQLException {
    return getDouble(findColumn(label));
  }

  @Override public float getFloat(String label) throws SQLException {
    return getFloat(findColumn(label));
  }

  @Override public boolean getBoolean(String label) throws SQLException {
    return getBoolean(findColumn(label));
  }

  @Override public BigDecimal getBigDecimal(String label) throws SQLException {
    return getBigDecimal(findColumn(label));
  }

  @Override public byte[] getBytes(String label) throws SQLException {
    return getBytes(findColumn(label));
  }

  @Override public Date getDate(String label) throws SQLException {
    return getDate(findColumn(label));
  }

  @Override public Timestamp getTimestamp(String label) throws SQLException {
    return getTimestamp(findColumn(label));
  }

  @Override public <T> T getObject(String label, Class<T> type) throws SQLException {
    return getObject(findColumn(label), type);
  }

  @Override public Date getDate(String label, Calendar calendar) throws SQLException {
    return getDate(findColumn(label), calendar);
  }

  @Override public Timestamp getTimestamp(String label, Calendar calendar) throws SQLException {
    return getTimestamp(findColumn(label), calendar);
  }

  @Override public String getNString(int index) throws SQLException {
    return getString(index);
  }

  @Override public String getNString(String label) throws SQLException {
    return getString(findColumn(label));
  }

  @Override public Reader getCharacterStream(int index) throws SQLException {
    String v = getString(index);
    return v == null ? null : new StringReader(v);
  }

  @Override public InputStream getBinaryStream(int index) throws SQLException {
    byte[] v = getBytes(index);
    return v == null ? null : new ByteArrayInputStream(v);
  }

  @Override public ResultSetMetaData getMetaData() {
    return metaData;
  }

  @Override public Statement getStatement() {
    return statement;
  }

  @Override public SQLWarning getWarnings() {
    return null;
  }

  @Override public void clearWarnings() {
  }

  @Override public int getType() {
    return ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override public int getConcurrency() {
    return ResultSet.CONCUR_READ_ONLY;
  }

  @Override public int getHoldability() {
    return ResultSet.CLOSE_CURSORS_AT_COMMIT;
  }

  @Override public int getFetchDirection() {
    return ResultSet.FETCH_FORWARD;
  }

  @Override public void setFetchDirection(int direction) throws SQLException {
    if (direction != ResultSet.FETCH_FORWARD) {
      throw unsupported("setFetchDirection");
    }
  }

  @Override public int getFetchSize() {
    return 0;
  }

  @Override public void setFetchSize(int rows) {
    // Rows stream batch by batch from the source; there is nothing to size.
  }

  @Override public int getRow() {
    return (int) Math.min(Integer.MAX_VALUE, row);
  }

  @Override public boolean isClosed() {
    return closed;
  }

  @Override public void close() {
    if (!closed) {
      closed = true;
      rows.close();
    }
  }

  private void checkOpen() throws SQLException {
    if (closed) {
      throw new SQLException("This result set is closed.", "24000");
    }
  }

  @Override public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper for " + iface, "HY000");
  }

  @Override public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
