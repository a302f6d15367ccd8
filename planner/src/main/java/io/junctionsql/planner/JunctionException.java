package io.junctionsql.planner;

/**
 * A failure Junction itself detects, carrying the SQLState it must reach the user with.
 *
 * <p>Unchecked because it is raised deep inside Calcite call-backs that cannot throw
 * {@link java.sql.SQLException}; the driver turns it into one at the JDBC boundary.
 */
public class JunctionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;

  public JunctionException(String sqlState, String message) {
    this(sqlState, message, null);
  }

  public JunctionException(String sqlState, String message, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
  }

  /** The five-character SQLSTATE this failure maps to. */
  public String sqlState() {
    return sqlState;
  }
}
