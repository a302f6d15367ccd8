package io.junctionsql.planner.source.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A cancel sent for a whole source connection, for drivers whose {@code Statement.cancel()} reaches only a
 * statement that is executing. PostgreSQL's driver is one: while a result set fetches its next rows from an
 * open cursor, the statement counts as idle and {@code cancel()} does nothing, so a slow fetch ran on for as
 * long as the source took. {@code PGConnection.cancelQuery()} sends the cancel regardless.
 *
 * <p>Such a cancel can arrive after the fetch ended and stop whatever the connection runs next. A connection
 * cancelled this way is therefore closed rather than returned to its pool ({@link ObservedDataSource}).
 *
 * <p>Found by reflection: the driver may live in a class loader of its own ({@code driver-path}), and Junction
 * does not depend on it to compile.
 */
final class ConnectionCancel {
  /** For drivers that need nothing beyond {@code Statement.cancel()}. */
  static final ConnectionCancel NONE = new ConnectionCancel(null, null);
  private static final String POSTGRESQL = "org.postgresql.PGConnection";

  private final Class<?> connectionType;
  private final Method cancel;

  private ConnectionCancel(Class<?> connectionType, Method cancel) {
    this.connectionType = connectionType;
    this.cancel = cancel;
  }

  /** The connection cancel of the drivers {@code loader} sees (null: Junction's own class path). */
  static ConnectionCancel forDrivers(ClassLoader loader) {
    try {
      Class<?> type = Class.forName(POSTGRESQL, false,
          loader != null ? loader : ConnectionCancel.class.getClassLoader());
      return new ConnectionCancel(type, type.getMethod("cancelQuery"));
    } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
      return NONE;
    }
  }

  /**
   * Sends the cancel for {@code connection} if its driver needs one of its own; true if it sent one (the
   * connection must then not be reused).
   */
  boolean cancel(Connection connection) throws SQLException {
    if (connectionType == null || !connection.isWrapperFor(connectionType)) {
      return false;
    }
    try {
      cancel.invoke(connection.unwrap(connectionType));
      return true;
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw cause instanceof SQLException ? (SQLException) cause
          : new SQLException("cancelling the source connection failed: " + cause, "57014", cause);
    } catch (IllegalAccessException e) {
      throw new SQLException("cancelling the source connection failed: " + e, "57014", e);
    }
  }
}
