package io.junctionsql.server.ops;

import io.junctionsql.planner.runtime.SourceQuery;
import io.junctionsql.planner.runtime.recent.RecentQuery;
import io.junctionsql.planner.runtime.recent.SourceFigures;
import io.junctionsql.server.meta.Caller;
import io.junctionsql.server.meta.ServerEvents;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Who ran what: one line per query on the {@code junction.audit} logger, as {@code key=value} pairs
 * (logfmt) that log pipelines parse without configuration. Values are quoted where they may hold spaces.
 */
public final class AuditLog implements ServerEvents {
  private static final Logger AUDIT = LoggerFactory.getLogger("junction.audit");

  @Override public void queryExecuted(Caller caller, String queryId, String sql, long nanos,
      List<SourceQuery> sourceQueries, SQLException failure, RecentQuery figures) {
    AUDIT.info(queryLine(caller, queryId, sql, nanos, sourceQueries, failure, figures));
  }

  /**
   * The line of a finished query. Its figures, where the driver measured them, follow the statements per
   * source: rows returned, time to the first row, Junction's own time and peak memory, then rows, bytes
   * and milliseconds per source as {@code {source=value}} maps (a source whose bytes or time is not
   * measured is left out of that map).
   */
  static String queryLine(Caller caller, String queryId, String sql, long nanos, List<SourceQuery> sourceQueries,
      SQLException failure, RecentQuery figures) {
    Map<String, Integer> perSource = new TreeMap<>();
    sourceQueries.forEach(q -> perSource.merge(q.source(), 1, Integer::sum));
    StringBuilder line = new StringBuilder("event=query query_id=").append(queryId)
        .append(" request_id=").append(caller.requestId())
        .append(" user=").append(quote(caller.identity().user()))
        .append(" client=").append(caller.address())
        .append(" outcome=").append(failure == null ? "ok" : "error")
        .append(" sqlstate=").append(failure == null ? "00000" : failure.getSQLState())
        .append(" ms=").append(TimeUnit.NANOSECONDS.toMillis(nanos))
        .append(" sources=").append(quote(perSource.toString()));
    if (figures != null) {
      line.append(" rows=").append(figures.rowsReturned())
          .append(" first_row_ms=").append(figures.firstRowMillis() == null ? "" : figures.firstRowMillis())
          .append(" junction_ms=").append(figures.junctionMillis())
          .append(" peak_memory_bytes=").append(figures.peakMemoryBytes())
          .append(" source_rows=").append(quote(perSource(figures, SourceFigures::rowsRead).toString()))
          .append(" source_bytes=").append(quote(perSource(figures, SourceFigures::bytesRead).toString()))
          .append(" source_ms=").append(quote(perSource(figures, SourceFigures::sourceMillis).toString()));
    }
    return line.append(" sql=").append(quote(sql)).toString();
  }

  private static Map<String, Long> perSource(RecentQuery figures, Function<SourceFigures, Long> value) {
    Map<String, Long> out = new TreeMap<>();
    for (SourceFigures f : figures.sources()) {
      Long v = value.apply(f);
      if (v != null) {
        out.put(f.source(), v);
      }
    }
    return out;
  }

  @Override public void rowsSent(Caller caller, int rows) {
  }

  @Override public void sourceRows(Map<String, Long> rowsBySource) {
  }

  @Override public void refused(Caller caller, String limit) {
    AUDIT.info("event=refused request_id={} user={} client={} limit={}", caller.requestId(),
        quote(caller.identity().user()), caller.address(), limit);
  }

  @Override public void connectionOpened(Caller caller) {
    AUDIT.info("event=connect request_id={} user={} groups={} client={}", caller.requestId(),
        quote(caller.identity().user()), quote(String.join(",", caller.identity().groups())), caller.address());
  }

  @Override public void connectionClosed() {
  }

  static String quote(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }
}
