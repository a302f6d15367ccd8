package io.junctionsql.server.meta;

import io.junctionsql.planner.SqlStates;

import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * How many queries run at once, over all users and per user. A query over either limit is refused at
 * once with SQLState 53300 rather than queued: a queued request holds an HTTP thread and, from the
 * client's side, looks like a hang.
 */
public final class QueryAdmission {
  private final int overallLimit;
  private final int perUserLimit;
  private final Semaphore overall;
  private final ConcurrentMap<String, Semaphore> perUser = new ConcurrentHashMap<>();

  public QueryAdmission(int overallLimit, int perUserLimit) {
    this.overallLimit = overallLimit;
    this.perUserLimit = perUserLimit;
    this.overall = new Semaphore(overallLimit);
  }

  /** A permit to run one query for {@code user}; close it when the call ends. */
  public Permit enter(String user) throws SQLException {
    Semaphore own = perUser.computeIfAbsent(user, u -> new Semaphore(perUserLimit));
    if (!own.tryAcquire()) {
      throw new SQLException("User " + user + " already runs " + perUserLimit + " queries on this server, the most "
          + "one user may (server.limits.max_concurrent_queries_per_user). Wait for one to finish and retry.",
          SqlStates.TOO_MANY_QUERIES);
    }
    if (!overall.tryAcquire()) {
      own.release();
      throw new SQLException("The server already runs " + overallLimit + " queries, its limit "
          + "(server.limits.max_concurrent_queries). Retry shortly, or ask the operator to add replicas.",
          SqlStates.TOO_MANY_QUERIES);
    }
    return () -> {
      overall.release();
      own.release();
    };
  }

  /** Queries running now, over all users. */
  public int running() {
    return overallLimit - overall.availablePermits();
  }

  /** One admitted query. */
  public interface Permit extends AutoCloseable {
    @Override void close();
  }
}
