package io.junctionsql.driver;

import io.junctionsql.planner.SqlStates;
import io.junctionsql.planner.runtime.ErrorTranslator;
import io.junctionsql.planner.runtime.Execution;
import io.junctionsql.planner.runtime.GatewayConnection;
import io.junctionsql.planner.runtime.memory.MemoryBudget;
import io.junctionsql.planner.runtime.recent.QueryIds;
import io.junctionsql.planner.runtime.recent.QueryRecorder;

import io.junctionsql.planner.runtime.ColumnarRows;
import io.junctionsql.planner.runtime.DirectScans;

import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A statement: each execution starts a new statement in the engine (fresh snapshots, a new mark in the
 * log), so that it can say what the sources received for it. A query that is only a scan of one Delta
 * table is answered by a {@link ColumnarResultSet} reading the source's vectors directly; the general
 * path still prepares it, and supplies the metadata.
 */
final class StatementBoundary extends Boundary {
  private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "junction-query-timeout");
    t.setDaemon(true);
    return t;
  });
  private final Object connection;
  private final GatewayConnection engine;
  /** For a prepared statement that is a plain scan, how to open its rows; null otherwise. */
  private final Supplier<ColumnarRows> preparedScan;
  private final SessionLimits limits;
  private volatile long mark;
  private volatile ScheduledFuture<?> timer;
  private volatile boolean timedOut;
  private volatile int timeoutSeconds;
  private volatile ColumnarResultSet direct;
  /** The execution whose rows are not done yet (not read and closed, not failed); null when none. */
  private final AtomicReference<Execution> running = new AtomicReference<>();
  /** The last execution's memory budget, kept after it ends so that it can be read. */
  private volatile MemoryBudget budget;
  /** A prepared statement's SQL, for the recent queries; null for a plain statement (each execute names its own). */
  private final String preparedSql;
  /** The id the next execution takes (a server's); null: it makes its own. */
  private volatile String nextQueryId;
  /** The figures of the last execution, for {@code junction.recent_queries}. */
  private volatile QueryRecorder recorder;

  StatementBoundary(Object target, ErrorTranslator errors, Object connection, GatewayConnection engine,
      Supplier<ColumnarRows> preparedScan, SessionLimits limits, String preparedSql) throws SQLException {
    super(target, errors);
    this.preparedSql = preparedSql;
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
    if (name.startsWith("execute")) {
      startTimer();
      String sql = args != null && args.length > 0 && args[0] instanceof String ? (String) args[0] : preparedSql;
      try {
        return name.equals("executeQuery") ? executeQuery(proxy, method, args, sql)
            : executeAny(proxy, method, args, sql);
      } catch (SQLException e) {
        SQLException failure = timedOut ? timeout(e) : e;
        QueryRecorder figures = recorder;
        if (figures != null) {
          figures.rowsEnded(failure.getSQLState() == null ? SqlStates.INTERNAL_ERROR : failure.getSQLState());
        }
        endExecution(true);
        throw failure;
      }
    }
    switch (name) {
    case "cancel":
      cancelNow();
      return null;
    case "close":
      stopTimer();
      closeDirect();
      endExecution(false);
      return DELEGATE;
    case "sourceQueries":
      return engine.log().since(mark);
    case "useQueryId":
      nextQueryId = (String) args[0];
      return null;
    case "lastQueryId":
      QueryRecorder figures = recorder;
      return figures == null ? null : figures.queryId();
    case "memoryHeld":
      MemoryBudget last = budget;
      return last == null ? 0L : last.used();
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

  private Object executeAny(Object proxy, Method method, Object[] args, String sql) throws SQLException {
    begin(sql);
    try {
      return wrapResult(proxy, timedCall(method, args));
    } finally {
      // Only executeQuery takes the direct path; forget what preparing noted, so no plan stays on the thread.
      DirectScans.clear();
    }
  }

  /**
   * Stops what runs now: Calcite's loops, the columnar reader, and every source statement of the
   * connection, since Calcite only raises a flag its own loops check and a source busy with the query
   * must be told too.
   */
  private void cancelNow() throws SQLException {
    ColumnarResultSet open = direct;
    if (open != null) {
      open.cancel();
    }
    ((Statement) target).cancel();
    engine.cancelSourceStatements();
  }

  /**
   * Arms the query timeout. Calcite checks its own timeout only between rows, so a source blocked in a
   * long statement would run on; the timer cancels like {@code Statement.cancel()} does.
   */
  private void startTimer() throws SQLException {
    stopTimer();
    timedOut = false;
    int seconds = ((Statement) target).getQueryTimeout();
    if (seconds > 0) {
      timeoutSeconds = seconds;
      timer = TIMERS.schedule(() -> {
        timedOut = true;
        try {
          cancelNow();
        } catch (SQLException | RuntimeException e) {
          // The statement closed meanwhile: nothing left to stop.
        }
      }, seconds, TimeUnit.SECONDS);
    }
  }

  private void stopTimer() {
    ScheduledFuture<?> t = timer;
    timer = null;
    if (t != null) {
      t.cancel(false);
    }
  }

  private SQLException timeout(SQLException cause) {
    if (String.valueOf(cause.getMessage()).contains("timeout")) {
      return cause; // Calcite's own timer got there first and said so
    }
    SQLException e = new SQLException("The query ran past its timeout of " + timeoutSeconds + " s and was stopped, "
        + "with what it ran in the sources. Narrow the query, or raise the timeout (Statement.setQueryTimeout; on a "
        + "server, server.limits.query_timeout).", SqlStates.QUERY_CANCELLED, cause);
    return e;
  }

  /**
   * Runs a query; when its plan is a plain Delta scan, serves it from the source's vectors and closes
   * the general path's rows unread. The query timer stops either path the same way.
   */
  private Object executeQuery(Object proxy, Method method, Object[] args, String sql) throws Throwable {
    begin(sql);
    Statement statement = (Statement) target;
    if (preparedScan != null) {
      DirectScans.record(preparedScan);
    } else {
      DirectScans.clear();
    }
    Object result;
    Supplier<ColumnarRows> scan;
    DirectScans.clientServes(true);
    try {
      result = timedCall(method, args);
    } finally {
      DirectScans.clientServes(false);
      scan = DirectScans.take();
    }
    if (scan == null || !(result instanceof ResultSet)) {
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

  /**
   * A new execution: what the last one left open ends, and the engine starts the next (a new log mark, a
   * fresh memory budget that its plan's operators count against).
   */
  private void begin(String sql) throws SQLException {
    closeDirect();
    endExecution(false);
    Execution execution = engine.beginExecution((Statement) target);
    mark = execution.mark();
    budget = execution.budget();
    String id = nextQueryId;
    nextQueryId = null;
    recorder = engine.recentQueries().start(id == null ? QueryIds.next() : id, sql);
    running.set(execution);
  }

  /** Calls the engine's execute, counting its time as Junction's work for the statement. */
  private Object timedCall(Method method, Object[] args) throws SQLException {
    long started = System.nanoTime();
    try {
      return call(method, args);
    } finally {
      recorder.busy(System.nanoTime() - started);
    }
  }

  /**
   * The execution's rows are done (read and closed, failed, or the statement closed): its budget goes back
   * to zero and its peak into the log, and after a failure source connections it left open go back to
   * their pools.
   */
  private void endExecution(boolean failed) {
    Execution execution = running.getAndSet(null);
    QueryRecorder figures = recorder;
    if (figures != null && !figures.finished()) {
      // A failure while reading rows told the recorder its SQLState already; this one is a fallback.
      figures.finish(failed ? SqlStates.INTERNAL_ERROR : null, execution == null ? 0 : execution.budget().peak());
    }
    if (execution != null) {
      engine.endExecution(execution, failed);
    }
  }

  @Override Object wrapResult(Object proxy, Object result) {
    Object wrapped = super.wrapResult(proxy, result);
    return wrapped instanceof JunctionResultSet ? limited((JunctionResultSet) wrapped) : wrapped;
  }

  private JunctionResultSet limited(JunctionResultSet rows) {
    rows.limitRows(limits.maxRows());
    rows.onClose(this::endExecution);
    QueryRecorder figures = recorder;
    Execution execution = running.get();
    // Once the rows ended or failed, source reads still running for them are of no use: they stop.
    rows.record(figures, state -> {
      if (figures != null) {
        figures.rowsEnded(state);
      }
      if (execution != null) {
        engine.rowsEnded(execution);
      }
    });
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
