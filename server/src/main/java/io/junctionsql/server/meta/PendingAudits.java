package io.junctionsql.server.meta;

import io.junctionsql.driver.JunctionConnection;
import io.junctionsql.planner.runtime.SourceQuery;
import io.junctionsql.planner.runtime.recent.RecentQuery;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Queries whose audit line waits until they finish: a result larger than the first frame is fetched in
 * later requests, and only when its rows are read or closed are its figures (rows and time per source,
 * peak memory) known. The driver tells each connection's finished statements by query id, the server's.
 */
final class PendingAudits {
  /** What the line will say about the query besides its figures. */
  private record Pending(Caller caller, String sql, long startedNanos, JunctionConnection connection, long logMark) {
  }

  private final ServerEvents events;
  private final ConcurrentMap<String, Pending> pending = new ConcurrentHashMap<>();

  PendingAudits(ServerEvents events) {
    this.events = events;
  }

  /** Listens to a new connection's finished statements. */
  void watch(JunctionConnection connection) {
    connection.onQueryFinished(this::finished);
  }

  /** A query starts on {@code connection}; its line is written when the driver says it finished. */
  void started(String queryId, Caller caller, String sql, long startedNanos, JunctionConnection connection) {
    pending.put(queryId, new Pending(caller, sql, startedNanos, connection, lastSequence(connection.sourceQueries())));
  }

  /**
   * The request that ran the query returns. A query that failed before the driver ran it, or that the
   * driver did not record, is written now without figures; one whose rows are still to be fetched waits.
   */
  void requestEnded(String queryId, boolean recordedByDriver, SQLException failure) {
    if (failure == null && recordedByDriver) {
      return;
    }
    Pending p = pending.remove(queryId);
    if (p != null) {
      write(queryId, p, failure, null);
    }
  }

  private void finished(RecentQuery query) {
    Pending p = pending.remove(query.queryId());
    if (p != null) {
      SQLException failure = query.sqlState() == null ? null
          : new SQLException("query " + query.queryId() + " failed", query.sqlState());
      write(query.queryId(), p, failure, query);
    }
  }

  private void write(String queryId, Pending p, SQLException failure, RecentQuery figures) {
    events.queryExecuted(p.caller(), queryId, p.sql(), System.nanoTime() - p.startedNanos(),
        since(p.connection(), p.logMark()), failure, figures);
  }

  private static long lastSequence(List<SourceQuery> queries) {
    return queries.isEmpty() ? 0 : queries.get(queries.size() - 1).sequence();
  }

  private static List<SourceQuery> since(JunctionConnection connection, long mark) {
    List<SourceQuery> out = new ArrayList<>();
    for (SourceQuery q : connection.sourceQueries()) {
      if (q.sequence() > mark) {
        out.add(q);
      }
    }
    return out;
  }
}
