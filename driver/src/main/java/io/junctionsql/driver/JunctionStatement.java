package io.junctionsql.driver;

import io.junctionsql.planner.runtime.SourceQuery;

import java.sql.Statement;
import java.util.List;

/** A Junction statement; {@code statement.unwrap(JunctionStatement.class)} reaches it. */
public interface JunctionStatement extends Statement {
  /** The statements the sources received since this statement last started executing. */
  List<SourceQuery> sourceQueries();

  /**
   * Estimated bytes the last execution holds now in Junction's joins, sorts and groupings; zero once its rows
   * are read, closed or failed.
   */
  long memoryHeld();

  /** The next execution takes {@code queryId} in {@code junction.recent_queries} (a server passes its own). */
  void useQueryId(String queryId);

  /** The id of the last execution, as {@code junction.recent_queries} shows it; null before the first. */
  String lastQueryId();
}
