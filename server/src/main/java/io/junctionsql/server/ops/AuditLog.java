package io.junctionsql.server.ops;

import io.junctionsql.planner.runtime.SourceQuery;
import io.junctionsql.server.meta.Caller;
import io.junctionsql.server.meta.ServerEvents;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Who ran what: one line per query on the {@code junction.audit} logger, as {@code key=value} pairs
 * (logfmt) that log pipelines parse without configuration. Values are quoted where they may hold spaces.
 */
public final class AuditLog implements ServerEvents {
  private static final Logger AUDIT = LoggerFactory.getLogger("junction.audit");

  @Override public void queryExecuted(Caller caller, String queryId, String sql, long nanos,
      List<SourceQuery> sourceQueries, SQLException failure) {
    Map<String, Integer> perSource = new TreeMap<>();
    sourceQueries.forEach(q -> perSource.merge(q.source(), 1, Integer::sum));
    AUDIT.info("event=query query_id={} request_id={} user={} client={} outcome={} sqlstate={} ms={} sources={} sql={}",
        queryId, caller.requestId(), quote(caller.identity().user()), caller.address(),
        failure == null ? "ok" : "error", failure == null ? "00000" : failure.getSQLState(),
        TimeUnit.NANOSECONDS.toMillis(nanos), quote(perSource.toString()), quote(sql));
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
