package io.junctionsql.server.meta;

import io.junctionsql.planner.runtime.SourceQuery;
import io.junctionsql.planner.runtime.recent.RecentQuery;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** What the Meta tells operations about: the audit log and the metrics listen here. */
public interface ServerEvents {
  /**
   * A query finished (prepared statements: each execution), successfully or not: its rows were read or
   * closed, or it failed.
   *
   * @param nanos from its request's arrival until it finished
   * @param figures what it did in each source and in Junction; null when it failed before running
   */
  void queryExecuted(Caller caller, String queryId, String sql, long nanos, List<SourceQuery> sourceQueries,
      SQLException failure, RecentQuery figures);

  /** Sources gave rows for a caller's query: source name to rows. */
  void sourceRows(Map<String, Long> rowsBySource);

  /** A frame of rows went to a client. */
  void rowsSent(Caller caller, int rows);

  /** A query or a connection was refused by a limit. */
  void refused(Caller caller, String limit);

  void connectionOpened(Caller caller);

  void connectionClosed();

  ServerEvents NONE = new ServerEvents() {
    @Override public void queryExecuted(Caller caller, String queryId, String sql, long nanos,
        List<SourceQuery> sourceQueries, SQLException failure, RecentQuery figures) {
    }

    @Override public void rowsSent(Caller caller, int rows) {
    }

    @Override public void sourceRows(Map<String, Long> rowsBySource) {
    }

    @Override public void refused(Caller caller, String limit) {
    }

    @Override public void connectionOpened(Caller caller) {
    }

    @Override public void connectionClosed() {
    }
  };
}
