package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.runtime.QueryLog;
import io.junctionsql.planner.runtime.SourceException;
import io.junctionsql.planner.runtime.parallel.ReadStatements;
import io.junctionsql.planner.source.SourceSession;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A pool of the source as one connection sees it: every statement is recorded in the connection's log
 * (the exact SQL the source received), gets the source's fetch size, and every failure is tagged
 * with the source's name. Result sets are the driver's own, behind a counter of the rows they give
 * ({@link CountedResultSet}, written out because it is on the per-row path; the connection and statement
 * proxies are not).
 */
final class ObservedDataSource implements DataSource {
  private final String source;
  private final Opener opener;
  private final String loginKeys;
  private final QueryLog log;
  private final SourceSession session;
  private final int fetchSize;
  private final ConnectionCancel connectionCancel;
  private volatile PrintWriter logWriter;

  /** Where connections come from: a pool's, or a refusal for a user who may not read the source. */
  @FunctionalInterface
  interface Opener {
    Connection open() throws SQLException;
  }

  /**
   * @param loginKeys the config keys of the login the connections use, for a refused login's message; null
   *     for the service login
   * @param session the connection whose statements these are, to cancel them; null for metadata reads
   * @param connectionCancel how a statement that is not executing (its result set fetching) is cancelled
   */
  ObservedDataSource(String source, Opener opener, String loginKeys, QueryLog log, SourceSession session,
      int fetchSize, ConnectionCancel connectionCancel) {
    this.source = source;
    this.opener = opener;
    this.loginKeys = loginKeys;
    this.log = log;
    this.session = session;
    this.fetchSize = fetchSize;
    this.connectionCancel = connectionCancel;
  }

  @Override public Connection getConnection() throws SQLException {
    Connection c;
    try {
      c = opener.open();
    } catch (SQLException e) {
      throw tag(e);
    }
    if (session != null) {
      session.borrowed(c);
    }
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, new ConnectionHandler(c));
  }

  @Override public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("source credentials come from the config");
  }

  /** The innermost SQLState-bearing failure, named after the source. */
  SourceException tag(SQLException e) {
    SQLException best = e;
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof SQLException && ((SQLException) c).getSQLState() != null) {
        best = (SQLException) c;
      }
    }
    String message = best.getMessage() == null ? e.toString() : best.getMessage();
    return new SourceException(source, message, best.getSQLState(), e, loginKeys);
  }

  /** A failure from the source, tagged with its name unless it already is. */
  SQLException failure(SQLException e) {
    return e instanceof SourceException ? e : tag(e);
  }

  /** A result set of the source ended or was closed after giving {@code rows} rows. */
  void rowsRead(long rows, long nanos) {
    log.rowsRead(source, rows);
    log.sourceTime(source, nanos);
  }

  private void record(String sql) {
    if (log != null) {
      log.record(source, sql);
    }
  }

  private Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw cause instanceof SQLException ? failure((SQLException) cause) : cause;
    }
  }

  /** Records and tunes what the connection creates. */
  private final class ConnectionHandler implements InvocationHandler {
    private final Connection connection;
    /** Set once a cancel was sent for the whole connection: it may still reach a later statement. */
    private boolean discard;
    private boolean closed;

    ConnectionHandler(Connection connection) {
      this.connection = connection;
    }

    @Override public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
      case "prepareStatement":
      case "prepareCall":
        record((String) args[0]);
        return statement((Statement) ObservedDataSource.this.invoke(connection, method, args));
      case "createStatement":
        return statement((Statement) ObservedDataSource.this.invoke(connection, method, args));
      case "unwrap":
        return ((Class<?>) args[0]).isInstance(proxy) ? proxy : connection.unwrap((Class<?>) args[0]);
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "connection to source " + source;
      case "close":
        close();
        return null;
      default:
        return ObservedDataSource.this.invoke(connection, method, args);
      }
    }

    private Statement statement(Statement s) throws SQLException {
      s.setFetchSize(fetchSize);
      Class<?>[] interfaces = s instanceof java.sql.CallableStatement ? new Class<?>[] {java.sql.CallableStatement.class}
          : s instanceof java.sql.PreparedStatement ? new Class<?>[] {java.sql.PreparedStatement.class}
          : new Class<?>[] {Statement.class};
      // Cancels go through the proxy, which knows whether the statement is executing or fetching.
      Statement observed = (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), interfaces,
          new StatementHandler(s, this));
      if (session != null) {
        try {
          session.opened(observed);
        } catch (SQLException e) {
          s.close();
          throw e;
        }
      }
      ReadStatements.opened(observed);
      return observed;
    }

    /**
     * Sends a cancel for the whole connection where the driver needs one; the connection is then discarded.
     * Locked against {@link #close}, so that no such cancel reaches a connection back in its pool.
     */
    synchronized void cancelConnection() throws SQLException {
      if (!closed && connectionCancel.cancel(connection)) {
        discard = true;
      }
    }

    private synchronized void close() throws SQLException {
      if (closed) {
        return;
      }
      closed = true;
      if (discard) {
        // The pool replaces a connection it finds closed underneath; abort closes it without waiting.
        connection.abort(Runnable::run);
      }
      try {
        connection.close();
      } catch (SQLException e) {
        throw failure(e);
      }
    }
  }

  /**
   * Records statements executed from text, tags their failures, and cancels them whether they execute or
   * their result set is fetching.
   */
  private final class StatementHandler implements InvocationHandler {
    private final Statement statement;
    private final ConnectionHandler connection;
    private final TemporalParameters temporal;
    /** Whether an execute call runs now: then the driver's own cancel reaches the source. */
    private volatile boolean executing;

    StatementHandler(Statement statement, ConnectionHandler connection) {
      this.statement = statement;
      this.connection = connection;
      this.temporal = statement instanceof java.sql.PreparedStatement
          ? new TemporalParameters((java.sql.PreparedStatement) statement) : null;
    }

    @Override public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (name.startsWith("execute") && args != null && args.length > 0 && args[0] instanceof String) {
        record((String) args[0]);
      }
      switch (name) {
      case "close":
        if (session != null) {
          session.closed((Statement) proxy);
        }
        return ObservedDataSource.this.invoke(statement, method, args);
      case "cancel":
        ObservedDataSource.this.invoke(statement, method, args);
        if (!executing) {
          connection.cancelConnection();
        }
        return null;
      case "setObject":
      case "setInt":
      case "setLong":
        if (temporal != null && args.length == 2 && temporal.bind((Integer) args[0], args[1])) {
          return null;
        }
        return ObservedDataSource.this.invoke(statement, method, args);
      case "executeQuery":
        ResultSet rows = (ResultSet) executed(statement, method, args);
        return rows == null ? null : new CountedResultSet(rows, ObservedDataSource.this);
      case "getResultSet":
        ResultSet current = (ResultSet) timed(statement, method, args);
        return current == null ? null : new CountedResultSet(current, ObservedDataSource.this);
      case "execute":
        return executed(statement, method, args);
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "statement on source " + source;
      default:
        return name.startsWith("execute") ? executed(statement, method, args)
            : ObservedDataSource.this.invoke(statement, method, args);
      }
    }

    private Object executed(Statement statement, Method method, Object[] args) throws Throwable {
      executing = true;
      try {
        return timed(statement, method, args);
      } finally {
        executing = false;
      }
    }
  }

  /** Runs a statement's execution, and tells the log how long the source took. */
  private Object timed(Statement statement, Method method, Object[] args) throws Throwable {
    long started = System.nanoTime();
    try {
      return invoke(statement, method, args);
    } finally {
      if (log != null) {
        log.sourceTime(source, System.nanoTime() - started);
      }
    }
  }

  @Override public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override public void setLogWriter(PrintWriter out) {
    logWriter = out;
  }

  @Override public void setLoginTimeout(int seconds) throws SQLException {
    throw new SQLFeatureNotSupportedException("set connect-timeout in the source's config");
  }

  @Override public int getLoginTimeout() {
    return 0;
  }

  @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper for " + iface);
  }

  @Override public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
