package io.junctionsql.planner.runtime;

import java.math.BigDecimal;

/**
 * Rows read straight from a source's column vectors, for clients that take values one typed getter
 * at a time: nothing is boxed or copied into a row on the way. Columns count from 0 in the query's
 * output order; a getter is called only for a column that is not null.
 */
public interface ColumnarRows extends AutoCloseable {
  /** Moves to the next row; false at the end (the rows are then closed). */
  boolean next();

  boolean isNull(int column);

  boolean getBoolean(int column);

  /** Integer columns of any width, and dates (days since 1970-01-01). */
  long getLong(int column);

  double getDouble(int column);

  BigDecimal getDecimal(int column);

  String getString(int column);

  byte[] getBytes(int column);

  /** A timestamp as Junction's runtime holds it: wall-clock milliseconds of the client's zone, as UTC. */
  long getTimestampMillis(int column);

  @Override void close();
}
