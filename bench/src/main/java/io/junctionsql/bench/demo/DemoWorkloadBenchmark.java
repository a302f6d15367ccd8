package io.junctionsql.bench.demo;

import io.junctionsql.bench.demo.DemoQueries.DemoQuery;
import io.junctionsql.bench.support.Figures;
import io.junctionsql.bench.tpch.ResultDigest;
import io.junctionsql.bench.tpch.TpchBenchmark;
import io.junctionsql.driver.JunctionConnection;
import io.junctionsql.server.demo.DemoDataSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's SAP-and-campaign data set at a scale: its showcase queries and training-set queries through the
 * embedded Junction driver (an emulated Datasphere space and a Delta lake) and on a PostgreSQL oracle holding
 * the same rows. Every result is checked against the oracle's; a mismatch or an error makes the run fail
 * (exit status 1) after the report is printed.
 *
 * <pre>bench/run demo.DemoWorkloadBenchmark [--scale 20] [--runs 3] [--warmup 1] [--home DIR]
 *     [--postgres 127.0.0.1:5432] [--report FILE]</pre>
 */
public final class DemoWorkloadBenchmark {
  private DemoWorkloadBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    DemoDataSet data = new DemoDataSet(o.home != null ? o.home
        : Path.of(System.getProperty("user.home"), ".cache", "junction-bench", "demo-s" + o.scale), o.scale);
    long start = System.nanoTime();
    boolean builtNow = data.ensureBuilt();
    if (builtNow) {
      System.out.printf("Built the demo data set at scale %d in %s (%.0f s)%n", o.scale, data.home(),
          (System.nanoTime() - start) / 1e9);
    } else {
      System.out.println("Using the demo data set in " + data.home());
    }
    String database = "junction_bench";
    TpchBenchmark.ensureDatabase(o.postgres, database);
    DemoOracle oracle = new DemoOracle(data, "jdbc:postgresql://" + o.postgres + "/" + database + "?user=postgres");
    List<Result> results = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:junction:config=" + data.configFile());
         Connection pg = DriverManager.getConnection(oracle.url())) {
      JunctionConnection junction = c.unwrap(JunctionConnection.class);
      oracle.ensureLoaded(junction, builtNow);
      for (DemoQuery q : DemoQueries.all(data.customers())) {
        Timed onOracle = run(pg, q.onOracle(oracle.schema()), q, o, null);
        Timed onJunction = run(junction, q.sql(), q, o, junction);
        Optional<String> problem = onOracle.error.map(e -> "oracle: " + e)
            .or(() -> onJunction.error.map(e -> "junction: " + e))
            .or(() -> onJunction.digest.differenceFrom(onOracle.digest));
        Result r = new Result(q, onOracle.digest == null ? -1 : onOracle.digest.rowCount(), onJunction.medianMs,
            onOracle.medianMs, onJunction.rowsRead, problem);
        System.out.println(DemoReport.line(r));
        results.add(r);
      }
    }
    String report = new DemoReport(data, o.commandLine, o.runs, o.warmup, oracle.schema()).render(results);
    System.out.println();
    System.out.println(report);
    if (o.report != null) {
      Files.writeString(o.report, report);
      System.out.println("Report written to " + o.report);
    }
    long failed = results.stream().filter(r -> r.problem().isPresent()).count();
    if (failed > 0) {
      System.err.println(failed + " queries failed or differed from the oracle");
      System.exit(1);
    }
  }

  /** One query's figures. */
  record Result(DemoQuery query, long rows, double junctionMs, double oracleMs, Map<String, Long> rowsRead,
      Optional<String> problem) {
  }

  /** What the measured runs of one query on one side gave. */
  private record Timed(double medianMs, ResultDigest digest, Map<String, Long> rowsRead, Optional<String> error) {
  }

  /** Warm-up runs, then measured runs; the median time, the last result, and what Junction read in the last run. */
  private static Timed run(Connection c, String sql, DemoQuery q, Options o, JunctionConnection junction) {
    double[] ms = new double[o.runs];
    ResultDigest digest = null;
    Map<String, Long> rowsRead = Map.of();
    try (Statement st = c.createStatement()) {
      st.setFetchSize(10_000);
      for (int i = 0; i < o.warmup + o.runs; i++) {
        if (junction != null) {
          junction.takeRowsRead();
        }
        long start = System.nanoTime();
        try (ResultSet rs = st.executeQuery(sql)) {
          digest = ResultDigest.read(rs, q.large());
        }
        if (i >= o.warmup) {
          ms[i - o.warmup] = (System.nanoTime() - start) / 1e6;
        }
        if (junction != null) {
          rowsRead = junction.takeRowsRead();
        }
      }
    } catch (SQLException | RuntimeException e) {
      return new Timed(Double.NaN, null, rowsRead, Optional.of(Figures.failure(e)));
    }
    Arrays.sort(ms);
    return new Timed(ms[ms.length / 2], digest, rowsRead, Optional.empty());
  }

  /** The command line. */
  static final class Options {
    int scale = 20;
    int runs = 3;
    int warmup = 1;
    Path home;
    String postgres = "127.0.0.1:5432";
    Path report;
    String commandLine;

    static Options parse(String[] args) {
      Options o = new Options();
      o.commandLine = "bench/run demo.DemoWorkloadBenchmark " + String.join(" ", args);
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        if (value == null) {
          throw new IllegalArgumentException(args[i] + " needs a value");
        }
        switch (args[i]) {
          case "--scale" -> o.scale = Integer.parseInt(value);
          case "--runs" -> o.runs = Integer.parseInt(value);
          case "--warmup" -> o.warmup = Integer.parseInt(value);
          case "--home" -> o.home = Path.of(value).toAbsolutePath();
          case "--postgres" -> o.postgres = value;
          case "--report" -> o.report = Path.of(value);
          default -> throw new IllegalArgumentException("unknown option " + args[i]
              + "; options: --scale, --runs, --warmup, --home, --postgres, --report");
        }
        i++;
      }
      if (o.runs < 1 || o.scale < 1 || o.warmup < 0) {
        throw new IllegalArgumentException("--scale and --runs must be at least 1, --warmup at least 0");
      }
      return o;
    }
  }
}
