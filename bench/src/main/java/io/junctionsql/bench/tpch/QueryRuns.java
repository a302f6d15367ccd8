package io.junctionsql.bench.tpch;

import io.junctionsql.bench.support.Figures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The runs of one query on one system: warm-ups, then measured runs that the benchmark interleaves with the
 * other systems' (a source that keeps getting faster with each run, as Spark does, then favours no system).
 * The first failure ends the system's runs for this query.
 */
final class QueryRuns implements AutoCloseable {
  private final QuerySystem system;
  private final String sql;
  private final BenchQuery query;
  private final Statement statement;
  private final double[] ms;
  private int measured;
  private ResultDigest digest;
  private Map<String, SourceFigures> sources = Map.of();
  private long peak;
  private Optional<String> error = Optional.empty();

  QueryRuns(QuerySystem system, String sql, BenchQuery query, int runs, int timeoutSeconds) throws SQLException {
    this.system = system;
    this.sql = sql;
    this.query = query;
    this.ms = new double[runs];
    this.statement = system.connection().createStatement();
    statement.setQueryTimeout(timeoutSeconds);
    statement.setFetchSize(10_000);
  }

  QuerySystem system() {
    return system;
  }

  void warmUp() {
    if (error.isPresent()) {
      return;
    }
    try (ResultSet rs = statement.executeQuery(sql)) {
      ResultDigest.read(rs, query.large());
    } catch (SQLException | RuntimeException e) {
      error = Optional.of(Figures.failure(e));
    }
  }

  void measure() {
    if (error.isPresent()) {
      return;
    }
    try {
      system.takeSourceFigures();
      System.gc();
      long start = System.nanoTime();
      try (HeapSampler heap = new HeapSampler(); ResultSet rs = statement.executeQuery(sql)) {
        digest = ResultDigest.read(rs, query.large());
        ms[measured++] = (System.nanoTime() - start) / 1e6;
        peak = Math.max(peak, heap.peakAboveBaseline());
      }
      sources = system.takeSourceFigures();
    } catch (SQLException | RuntimeException | InterruptedException e) {
      error = Optional.of(Figures.failure(e));
    }
  }

  Optional<String> error() {
    return error;
  }

  /** The median of the measured runs; NaN after a failure. */
  double medianMs() {
    if (error.isPresent() || measured == 0) {
      return Double.NaN;
    }
    double[] sorted = Arrays.copyOf(ms, measured);
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** The last measured run's result; null after a failure. */
  ResultDigest digest() {
    return error.isPresent() ? null : digest;
  }

  /** What the sources gave in the last measured run. */
  Map<String, SourceFigures> sources() {
    return sources;
  }

  long peakHeap() {
    return peak;
  }

  @Override public void close() {
    try {
      statement.close();
    } catch (SQLException e) {
      error = error.or(() -> Optional.of(Figures.failure(e)));
    }
  }
}
