package io.junctionsql.planner.runtime.recent;

import java.time.Instant;
import java.util.List;

/**
 * One finished statement of a connection, with its figures.
 *
 * @param queryId a short id, the server's when the statement came through it
 * @param sql its text, cut to {@link QueryRecorder#MAX_SQL_CHARS}
 * @param startedAt when it started executing
 * @param elapsedMillis from the start until its rows were read, closed, or it failed
 * @param firstRowMillis from the start until the client had its first row; null when it returned none
 * @param rowsReturned rows the client read
 * @param sqlState null when it succeeded, else the SQLState it failed with
 * @param junctionMillis time inside Junction's own calls (execute and each row), less the time measured in sources
 * @param peakMemoryBytes the most Junction's joins, sorts and groupings held at once, by estimate
 * @param sources what each source did for it, by source name
 */
public record RecentQuery(String queryId, String sql, Instant startedAt, long elapsedMillis, Long firstRowMillis,
    long rowsReturned, String sqlState, long junctionMillis, long peakMemoryBytes, List<SourceFigures> sources) {

  /** {@code ok}, or {@code error}. */
  public String outcome() {
    return sqlState == null ? "ok" : "error";
  }
}
