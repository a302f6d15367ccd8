package io.junctionsql.server.ops;

import io.junctionsql.planner.runtime.SourceQuery;
import io.junctionsql.planner.runtime.recent.RecentQuery;
import io.junctionsql.server.meta.Caller;
import io.junctionsql.server.meta.ServerEvents;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** The server's Prometheus metrics, kept by Micrometer. */
public final class ServerMetrics implements ServerEvents {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Timer latency;
  private final Counter rows;

  public ServerMetrics(LongSupplier openConnections, LongSupplier runningQueries) {
    latency = Timer.builder("junction.query.duration").description("Time to execute a query, up to its first frame")
        .publishPercentileHistogram().register(registry);
    rows = Counter.builder("junction.rows.sent").description("Rows sent to clients").register(registry);
    Gauge.builder("junction.connections.open", openConnections::getAsLong)
        .description("Client connections open on this server").register(registry);
    Gauge.builder("junction.queries.running", runningQueries::getAsLong)
        .description("Queries executing or fetching now").register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
  }

  /** The metrics in Prometheus' text format. */
  public String scrape() {
    return registry.scrape();
  }

  public void authenticationFailed(int status) {
    registry.counter("junction.authentication.failures", "status", Integer.toString(status)).increment();
  }

  @Override public void queryExecuted(Caller caller, String queryId, String sql, long nanos,
      List<SourceQuery> sourceQueries, SQLException failure, RecentQuery figures) {
    latency.record(nanos, TimeUnit.NANOSECONDS);
    registry.counter("junction.queries", "outcome", failure == null ? "ok" : "error",
        "sqlstate", failure == null ? "00000" : String.valueOf(failure.getSQLState())).increment();
    for (SourceQuery q : sourceQueries) {
      registry.counter("junction.source.statements", "source", q.source()).increment();
    }
  }

  @Override public void rowsSent(Caller caller, int count) {
    rows.increment(count);
  }

  @Override public void sourceRows(Map<String, Long> rowsBySource) {
    rowsBySource.forEach((source, n) -> registry.counter("junction.source.rows", "source", source).increment(n));
  }

  @Override public void refused(Caller caller, String limit) {
    registry.counter("junction.refused", "limit", limit).increment();
  }

  @Override public void connectionOpened(Caller caller) {
    registry.counter("junction.connections.opened").increment();
  }

  @Override public void connectionClosed() {
  }
}
