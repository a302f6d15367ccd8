package io.junctionsql.planner.runtime.recent;

import io.junctionsql.planner.runtime.QueryLog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The newest finished statements of one connection, and those still running. Each connection has its
 * own, so that {@code junction.recent_queries} shows a user only their own statements.
 */
public final class RecentQueries {
  private static final Logger LOG = LoggerFactory.getLogger(RecentQueries.class);
  /** Enough to look back over a session's last statements; each entry holds at most a few KB of SQL. */
  public static final int CAPACITY = 100;

  private final QueryLog log;
  private final Deque<RecentQuery> finished = new ArrayDeque<>();
  private final Set<QueryRecorder> running = ConcurrentHashMap.newKeySet();
  private volatile Consumer<RecentQuery> listener = q -> { };

  public RecentQueries(QueryLog log) {
    this.log = log;
  }

  /** A statement starts executing: its figures are counted from now. */
  public QueryRecorder start(String queryId, String sql) {
    QueryRecorder recorder = new QueryRecorder(queryId, sql, log, this);
    running.add(recorder);
    return recorder;
  }

  /** Hears every statement as it finishes (a server writes its audit line then). */
  public void onFinished(Consumer<RecentQuery> action) {
    listener = action;
  }

  void finished(QueryRecorder recorder, RecentQuery query) {
    running.remove(recorder);
    synchronized (finished) {
      if (finished.size() == CAPACITY) {
        finished.removeFirst();
      }
      finished.addLast(query);
    }
    try {
      listener.accept(query);
    } catch (RuntimeException e) {
      // A listener's failure (an audit line that could not be written) must not fail the client's close.
      LOG.warn("Could not report finished query {}: {}", query.queryId(), e.toString());
    }
  }

  /** The finished statements, oldest first. */
  public List<RecentQuery> list() {
    synchronized (finished) {
      return new ArrayList<>(finished);
    }
  }

  /** The connection closes: statements still running end as they are, their rows unread. */
  public void finishRunning() {
    for (QueryRecorder r : List.copyOf(running)) {
      r.finish(null, 0);
    }
  }
}
