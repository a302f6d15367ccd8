package io.junctionsql.planner.source;

import io.junctionsql.planner.SqlStates;
import io.junctionsql.planner.config.OptimizerConfig;
import io.junctionsql.planner.runtime.QueryLog;
import io.junctionsql.planner.security.Identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What one Junction connection hands its sources: who it runs for (a source may sign in to its database
 * as that user's own login), where to record the statements they send, and what is pinned for the statement that runs now (such as the snapshot of each Delta table, so that
 * one statement reads one version of a table however often it names it).
 */
public final class SourceSession {
  private static final Logger LOG = LoggerFactory.getLogger(SourceSession.class);
  private final QueryLog log;
  private final Identity identity;
  /** The source statements open for this connection, so that a cancel can reach them. */
  private final Set<Statement> open = ConcurrentHashMap.newKeySet();
  /** Set by a cancel until the next statement starts: a source statement opened after it must not run. */
  private volatile boolean cancelled;
  private final Map<String, Object> pinned = new HashMap<>();
  /** Source connections borrowed for this connection, each with the number of the statement that borrowed it. */
  private final Map<Connection, Long> borrowed = Collections.synchronizedMap(new IdentityHashMap<>());
  /** The number of the statement that runs now; a statement that began later has a higher one. */
  private volatile long statement;
  private final List<String> warnings = new ArrayList<>();
  private final OptimizerConfig optimizer;

  public SourceSession(QueryLog log, Identity identity) {
    this(log, identity, OptimizerConfig.DEFAULTS);
  }

  /** @param optimizer what the planner may do across sources for this connection */
  public SourceSession(QueryLog log, Identity identity, OptimizerConfig optimizer) {
    this.log = log;
    this.identity = Objects.requireNonNull(identity, "identity");
    this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
  }

  /** The optimizer settings of this connection: the gateway's, with the connection's own switch applied. */
  public OptimizerConfig optimizer() {
    return optimizer;
  }

  public QueryLog log() {
    return log;
  }

  /** The user this connection runs for. */
  public Identity identity() {
    return identity;
  }

  /**
   * A source statement was opened for this connection. If the running statement was cancelled while
   * Junction was still planning it, the source statement is refused before it reaches the source.
   */
  public void opened(Statement statement) throws SQLException {
    if (cancelled) {
      throw new SQLException("The query was cancelled.", SqlStates.QUERY_CANCELLED);
    }
    forgetClosed();
    open.add(statement);
  }

  public void closed(Statement statement) {
    open.remove(statement);
  }

  /**
   * Drops statements closed without {@link #closed}, so that the set does not grow with every query: Calcite's
   * JDBC reader closes the statement it reaches through its result set, the driver's own object, not the one
   * that reports here.
   */
  private void forgetClosed() {
    open.removeIf(SourceSession::isClosed);
  }

  private static boolean isClosed(Statement statement) {
    try {
      return statement.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  private static boolean isClosed(Connection connection) {
    try {
      return connection.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  /**
   * Asks every source to stop what it runs for this connection (JDBC's {@code cancel}, which the
   * drivers send on a connection of their own); the reading thread then fails with the source's error.
   */
  public void cancelSourceStatements() {
    cancelled = true;
    for (Statement s : open) {
      try {
        s.cancel();
      } catch (SQLException | RuntimeException e) {
        LOG.debug("cancel of a source statement failed: {}", e.getMessage());
      }
    }
  }

  /** Whether the running statement was cancelled. */
  public boolean cancelled() {
    return cancelled;
  }

  /** A new statement starts: nothing stays pinned from the last one. Returns its number. */
  public synchronized long beginStatement() {
    cancelled = false;
    pinned.clear();
    warnings.clear();
    return ++statement;
  }

  /** A source connection was borrowed from its pool for the statement that runs now. */
  public void borrowed(Connection connection) {
    forgetReturned();
    borrowed.put(connection, statement);
  }

  /**
   * Statement {@code number} failed: every connection it borrowed that is still out goes back to its pool
   * (closing a pooled connection returns it, with its statements closed). Calcite's operators close their
   * inputs, but one that fails while opening them drops those it opened first. Connections are told apart
   * by the statement that ran when they were borrowed: a statement of the same connection that began
   * earlier and opens a source lazily while this one runs (the second branch of a UNION ALL) would lose
   * that connection if this one fails; a failing query among interleaved ones is where that can happen.
   */
  public void returnConnections(long number) {
    returnConnections(n -> n == number);
  }

  /**
   * The connection closes: every source connection its statements still hold goes back to its pool (a
   * result set left open when the connection closes is not closed by Calcite).
   */
  public void returnAllConnections() {
    returnConnections(n -> true);
  }

  private void returnConnections(java.util.function.LongPredicate statements) {
    List<Connection> out = new ArrayList<>();
    synchronized (borrowed) {
      borrowed.entrySet().removeIf(e -> {
        if (statements.test(e.getValue())) {
          out.add(e.getKey());
          return true;
        }
        return false;
      });
    }
    for (Connection c : out) {
      try {
        if (!c.isClosed()) {
          LOG.debug("returning a source connection its statement left open");
          c.close();
        }
      } catch (SQLException | RuntimeException e) {
        LOG.debug("returning a source connection failed: {}", e.getMessage());
      }
    }
  }

  /** How many source connections this connection's statements hold now. */
  public int borrowedConnections() {
    forgetReturned();
    return borrowed.size();
  }

  /** Calcite's JDBC reader closes the connection it reaches through its statement: the pool's, not ours. */
  private void forgetReturned() {
    synchronized (borrowed) {
      borrowed.keySet().removeIf(SourceSession::isClosed);
    }
  }

  /**
   * A statement is being prepared: it plans with fresh pins (a source's catalog, a Delta snapshot), not
   * with what the last statement pinned.
   */
  public synchronized void unpin() {
    pinned.clear();
  }

  /** Something the running statement's user should know, reported as an SQLWarning. */
  public synchronized void warn(String message) {
    if (!warnings.contains(message)) {
      warnings.add(message);
    }
  }

  /** The warnings of the running (or last) statement. */
  public synchronized List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** The value pinned under {@code key} for this statement, computed on first use. */
  @SuppressWarnings("unchecked")
  public synchronized <T> T pin(String key, Supplier<T> compute) {
    Object v = pinned.get(key);
    if (v == null) {
      v = compute.get();
      pinned.put(key, v);
    }
    return (T) v;
  }
}
