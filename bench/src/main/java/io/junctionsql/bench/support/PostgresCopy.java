package io.junctionsql.bench.support;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Rows streamed into a PostgreSQL table with COPY's text format, one row at a time, so that a load of
 * millions of rows holds none of them: values as their text, NULL as {@code \N}, backslash, tab and newline
 * escaped.
 */
public final class PostgresCopy implements AutoCloseable {
  private final CopyIn copy;
  private final StringBuilder line = new StringBuilder(256);
  private long rows;

  public PostgresCopy(Connection postgres, String table) throws SQLException {
    this.copy = postgres.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN");
  }

  public void row(Object... values) throws SQLException {
    line.setLength(0);
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        line.append('\t');
      }
      if (values[i] == null) {
        line.append("\\N");
      } else {
        appendText(values[i].toString());
      }
    }
    byte[] bytes = line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    rows++;
  }

  /** Ends the COPY, which commits its rows; returns how many there were. */
  public long finish() throws SQLException {
    copy.endCopy();
    return rows;
  }

  private void appendText(String text) {
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '\\' -> line.append("\\\\");
        case '\t' -> line.append("\\t");
        case '\n' -> line.append("\\n");
        default -> line.append(ch);
      }
    }
  }

  /** Cancels the COPY if it was not finished, so that a failed load leaves no partial table behind it. */
  @Override public void close() throws SQLException {
    if (copy.isActive()) {
      copy.cancelCopy();
    }
  }
}
