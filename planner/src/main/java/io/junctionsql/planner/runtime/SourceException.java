package io.junctionsql.planner.runtime;

import java.sql.SQLException;

/** A source's own error, tagged with the source's name; the source's SQLState is kept. */
public class SourceException extends SQLException {
  private static final long serialVersionUID = 1L;

  private final String source;

  public SourceException(String source, String message, String sqlState, Throwable cause) {
    super(message, sqlState, cause);
    this.source = source;
  }

  public String source() {
    return source;
  }
}
