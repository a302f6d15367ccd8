package io.junctionsql.server.ops;

import io.junctionsql.planner.runtime.SourceQuery;
import io.junctionsql.planner.runtime.recent.RecentQuery;
import io.junctionsql.server.meta.Caller;
import io.junctionsql.server.meta.ServerEvents;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Tells the metrics and the audit log the same events. */
public final class BothEvents implements ServerEvents {
  private final ServerEvents first;
  private final ServerEvents second;

  public BothEvents(ServerEvents first, ServerEvents second) {
    this.first = first;
    this.second = second;
  }

  @Override public void queryExecuted(Caller caller, String queryId, String sql, long nanos,
      List<SourceQuery> sourceQueries, SQLException failure, RecentQuery figures) {
    first.queryExecuted(caller, queryId, sql, nanos, sourceQueries, failure, figures);
    second.queryExecuted(caller, queryId, sql, nanos, sourceQueries, failure, figures);
  }

  @Override public void rowsSent(Caller caller, int rows) {
    first.rowsSent(caller, rows);
    second.rowsSent(caller, rows);
  }

  @Override public void sourceRows(Map<String, Long> rowsBySource) {
    first.sourceRows(rowsBySource);
    second.sourceRows(rowsBySource);
  }

  @Override public void refused(Caller caller, String limit) {
    first.refused(caller, limit);
    second.refused(caller, limit);
  }

  @Override public void connectionOpened(Caller caller) {
    first.connectionOpened(caller);
    second.connectionOpened(caller);
  }

  @Override public void connectionClosed() {
    first.connectionClosed();
    second.connectionClosed();
  }
}
