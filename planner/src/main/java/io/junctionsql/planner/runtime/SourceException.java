package io.junctionsql.planner.runtime;

import java.sql.SQLException;

/** A source's own error, tagged with the source's name; the source's SQLState is kept. */
public class SourceException extends SQLException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String loginKeys;

  public SourceException(String source, String message, String sqlState, Throwable cause) {
    this(source, message, sqlState, cause, null);
  }

  /** @param loginKeys the config keys of the login used, if not the source's own user and password */
  public SourceException(String source, String message, String sqlState, Throwable cause, String loginKeys) {
    super(message, sqlState, cause);
    this.source = source;
    this.loginKeys = loginKeys;
  }

  public String source() {
    return source;
  }

  /** The config keys that hold the login the source refused; null for the source's user and password. */
  public String loginKeys() {
    return loginKeys;
  }
}
