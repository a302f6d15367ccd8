package io.junctionsql.driver;

import io.junctionsql.planner.SqlStates;
import io.junctionsql.planner.runtime.ErrorTranslator;
import io.junctionsql.planner.runtime.GatewayConnection;

import io.junctionsql.planner.runtime.ColumnarRows;
import io.junctionsql.planner.runtime.DirectScans;

import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.function.Supplier;

/**
 * A statement: each execution starts a new statement in the engine (fresh snapshots, a new mark in the
 * log), so that it can say what the sources received for it. A query that is only a scan of one Delta
 * table is answered by a {@link ColumnarResultSet} reading the source's vectors directly; the general
 * path still prepares it, and supplies the metadata.
 */
final class StatementBoundary extends Boundary {
  private final Object connection;
  private final GatewayConnection engine;
  /** For a prepared statement that is a plain scan, how to open its rows; null otherwise. */
  private final Supplier<ColumnarRows> preparedScan;
  private final SessionLimits limits;
  private volatile long mark;
  private volatile ColumnarResultSet direct;

  StatementBoundary(Object target, ErrorTranslator errors, Object connection, GatewayConnection engine,
      Supplier<ColumnarRows> preparedScan, SessionLimits limits) throws SQLException {
    super(target, errors);
    this.connection = connection;
    this.engine = engine;
    this.preparedScan = preparedScan;
    this.limits = limits;
    this.mark = engine.log().mark();
    if (limits.timeoutSeconds() > 0) {
      ((Statement) target).setQueryTimeout(limits.timeoutSeconds());
    }
  }

  @Override Object special(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    if (name.equals("executeQuery")) {
      return executeQuery(proxy, method, args);
    }
    if (name.startsWith("execute")) {
      mark = engine.beginStatement();
      closeDirect();
      try {
        return wrapResult(proxy, call(method, args));
      } finally {
        // Only executeQuery takes the direct path; forget what preparing noted, so no plan stays on the thread.
        DirectScans.clear();
      }
    }
    switch (name) {
    case "cancel":
      ColumnarResultSet open = direct;
      if (open != null) {
        open.cancel();
      }
      call(method, args);
      // Calcite only raises a flag its own loops check; a source busy with the query must be told too.
      engine.cancelSourceStatements();
      return null;
    case "close":
      closeDirect();
      return DELEGATE;
    case "sourceQueries":
      return engine.log().since(mark);
    case "getConnection":
      return connection;
    case "setQueryTimeout":
      ((Statement) target).setQueryTimeout(limits.clampTimeout((Integer) args[0]));
      return null;
    case "getWarnings":
      return warnings();
    default:
      return DELEGATE;
    }
  }

  /**
   * Runs a query; when its plan is a plain Delta scan (and no timeout asks the general path's timer),
   * serves it from the source's vectors and closes the general path's rows unread.
   */
  private Object executeQuery(Object proxy, Method method, Object[] args) throws Throwable {
    mark = engine.beginStatement();
    closeDirect();
    Statement statement = (Statement) target;
    boolean eligible = statement.getQueryTimeout() == 0;
    if (eligible && preparedScan != null) {
      DirectScans.record(preparedScan);
    } else {
      DirectScans.clear();
    }
    Object result;
    Supplier<ColumnarRows> scan;
    DirectScans.clientServes(eligible);
    try {
      result = call(method, args);
    } finally {
      DirectScans.clientServes(false);
      scan = DirectScans.take();
    }
    if (!eligible || scan == null || !(result instanceof ResultSet)) {
      return wrapResult(proxy, result);
    }
    ResultSet general = (ResultSet) result;
    try {
      ColumnarRows rows = scan.get();
      direct = new ColumnarResultSet(rows, general.getMetaData(), (Statement) proxy, statement.getLargeMaxRows());
      if (engine.cancelled()) {
        direct.cancel();
      }
      return limited(new JunctionResultSet(direct, errors, (Statement) proxy));
    } catch (RuntimeException e) {
      throw errors.translate(e);
    } finally {
      general.close();
    }
  }

  @Override Object wrapResult(Object proxy, Object result) {
    Object wrapped = super.wrapResult(proxy, result);
    return wrapped instanceof JunctionResultSet ? limited((JunctionResultSet) wrapped) : wrapped;
  }

  private JunctionResultSet limited(JunctionResultSet rows) {
    rows.limitRows(limits.maxRows());
    return rows;
  }

  private void closeDirect() {
    ColumnarResultSet open = direct;
    direct = null;
    if (open != null) {
      open.close();
    }
  }

  /** The semantic rules' warnings of the last execution, ahead of the engine's own. */
  private SQLWarning warnings() throws SQLException {
    SQLWarning first = null;
    for (String message : engine.warnings()) {
      SQLWarning w = new SQLWarning(message, SqlStates.SEMANTIC_WARNING);
      if (first == null) {
        first = w;
      } else {
        first.setNextWarning(w);
      }
    }
    SQLWarning own = ((java.sql.Statement) target).getWarnings();
    if (first == null) {
      return own;
    }
    if (own != null) {
      first.setNextWarning(own);
    }
    return first;
  }

  @Override Object connectionProxy() {
    return connection;
  }
}
