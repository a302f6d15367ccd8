package io.junctionsql.bench.tpch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The federated TPC-H workload, side by side on Junction, Junction without its cross-source optimizations,
 * the oracle (all of the data in one PostgreSQL database) and, when given, Trino. Every result is checked
 * against the oracle's; a mismatch or an error makes the run fail (exit status 1) after the report is written.
 *
 * <pre>bench/run tpch.TpchBenchmark --sf 1 [--queries q1,q3,x1] [--runs 3] [--warmup 1]
 *     [--trino jdbc:trino://127.0.0.1:18080] [--spark jdbc:hive2://127.0.0.1:10099/default]
 *     [--twin] [--report docs/tpch-report.md]</pre>
 *
 * <p>With {@code --spark}, Junction's {@code lake} source is the Spark thrift server at that URL (a Databricks
 * SQL warehouse's stand-in, {@code bench/spark/spark start}) over the same Delta folders, instead of Delta
 * Kernel: the facts then receive SQL, and rows moved are the rows the server sends. With {@code --twin}, a
 * second Junction connection with the optimizations on runs too, as an A/A control for the time ratios.
 */
public final class TpchBenchmark {
  private static final Set<String> TABLES = Set.of("customer", "supplier", "part", "partsupp", "nation", "region",
      "orders", "lineitem");

  private TpchBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    String database = "junction_bench";
    ensureDatabase(o.postgres, database);
    TpchDataSet data = new TpchDataSet(o.scaleFactor,
        "jdbc:postgresql://" + o.postgres + "/" + database + "?user=postgres", o.lake);
    data.ensureLoaded();
    Path config = Files.createTempDirectory("junction-tpch").resolve("junction.yaml");
    SparkLake spark = o.sparkUrl == null ? null : new SparkLake(o.sparkUrl, o.hiveJar);
    if (spark != null) {
      spark.register(data);
    }
    Files.writeString(config, JunctionSystem.config(data, spark));

    List<QuerySystem> systems = new ArrayList<>();
    systems.add(new JdbcSystem("oracle", data.postgresUrl(), new Properties(), t -> data.schema() + "." + t));
    systems.add(new JunctionSystem("junction", config, data, true));
    systems.add(new JunctionSystem("junction-off", config, data, false));
    if (o.twin) {
      // An A/A control: the same settings as "junction" on a connection of its own, so that the report shows how
      // far two identical connections differ on this machine, the noise any on/off ratio is read against.
      systems.add(new JunctionSystem(MarkdownReport.TWIN, config, data, true));
    }
    if (o.trino != null) {
      Properties p = new Properties();
      if (!o.trino.contains("user=")) {
        p.setProperty("user", "junction-bench");
      }
      systems.add(new JdbcSystem("trino", o.trino, p,
          t -> (TpchDataSet.FACTS.contains(t) ? "lake." : "pg.") + data.schema() + "." + t));
    }
    TableQualifier qualifier = new TableQualifier(TABLES);
    List<Measurement> all = new ArrayList<>();
    try {
      int index = 0;
      for (BenchQuery q : TpchQueries.load(o.queries)) {
        Map<String, Measurement> byQuery = measure(q, systems, qualifier, index++, o);
        all.addAll(byQuery.values());
        System.out.println(MarkdownReport.line(q.name(), byQuery));
      }
    } finally {
      for (QuerySystem s : systems) {
        s.close();
      }
    }
    String report = new MarkdownReport(data, o, all).render();
    System.out.println();
    System.out.println(report);
    if (o.report != null) {
      Files.createDirectories(o.report.toAbsolutePath().getParent());
      Files.writeString(o.report, report);
      System.out.println("Report written to " + o.report);
    }
    long failed = all.stream().filter(m -> m.problem().isPresent()).count();
    if (failed > 0) {
      System.err.println(failed + " query runs failed or differed from the oracle");
      System.exit(1);
    }
  }

  /**
   * The oracle first (the others are checked against it), then the others in an order that rotates from
   * query to query and from round to round: a source that gets faster with each run of a query (Spark compiles
   * and caches code for it) would otherwise favour whichever system always runs last.
   */
  static List<QuerySystem> runOrder(List<QuerySystem> systems, int queryIndex) {
    List<QuerySystem> rest = new ArrayList<>(systems.subList(1, systems.size()));
    Collections.rotate(rest, -(queryIndex % Math.max(1, rest.size())));
    List<QuerySystem> order = new ArrayList<>();
    order.add(systems.get(0));
    order.addAll(rest);
    return order;
  }

  /**
   * One query on every system: all warm-ups first, then the measured runs in rounds, each round in the
   * order {@link #runOrder} gives for the next position, so that no system always runs right after another.
   * Each result is checked against the oracle's.
   */
  private static Map<String, Measurement> measure(BenchQuery q, List<QuerySystem> systems, TableQualifier qualifier,
      int index, Options o) throws SQLException {
    Map<QuerySystem, QueryRuns> runs = new LinkedHashMap<>();
    try {
      for (QuerySystem s : runOrder(systems, index)) {
        runs.put(s, new QueryRuns(s, qualifier.qualify(q.sql(), s::table), q, o.runs, o.timeoutSeconds));
      }
      for (int i = 0; i < o.warmup; i++) {
        runs.values().forEach(QueryRuns::warmUp);
      }
      for (int round = 0; round < o.runs; round++) {
        for (QuerySystem s : runOrder(systems, index + round)) {
          runs.get(s).measure();
        }
      }
    } finally {
      runs.values().forEach(QueryRuns::close);
    }
    ResultDigest oracle = runs.get(systems.get(0)).digest();
    Map<String, Measurement> byQuery = new LinkedHashMap<>();
    for (QueryRuns r : runs.values()) {
      Optional<String> problem = r.error();
      if (problem.isEmpty() && r.system() != systems.get(0) && oracle != null) {
        problem = r.digest().differenceFrom(oracle);
      }
      byQuery.put(r.system().name(), new Measurement(r.system().name(), q.name(), r.medianMs(),
          r.digest() == null ? -1 : r.digest().rowCount(), r.sources(), r.peakHeap(), problem));
    }
    return byQuery;
  }

  /** Creates the benchmarks' PostgreSQL database unless it exists. */
  public static void ensureDatabase(String hostPort, String database) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + hostPort + "/postgres", "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
      if (!rs.next()) {
        s.execute("CREATE DATABASE " + database);
      }
    }
  }

  /** The command line. */
  static final class Options {
    double scaleFactor = 0.1;
    List<String> queries = TpchQueries.all();
    int runs = 3;
    int warmup = 1;
    int timeoutSeconds = 1800;
    String postgres = "127.0.0.1:5432";
    Path lake = Path.of(System.getProperty("user.home"), ".cache", "junction-bench", "lake");
    String trino;
    String sparkUrl;
    Path hiveJar = Path.of("driver", "target", "drivers", "hive-jdbc-4.0.1-standalone.jar").toAbsolutePath();
    Path report;
    boolean twin;
    String commandLine;

    static Options parse(String[] args) {
      Options o = new Options();
      o.commandLine = "bench/run tpch.TpchBenchmark " + String.join(" ", args);
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals("--twin")) {
          o.twin = true;
          continue;
        }
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--sf" -> o.scaleFactor = Double.parseDouble(value);
          case "--queries" -> o.queries = queries(value);
          case "--runs" -> o.runs = Integer.parseInt(value);
          case "--warmup" -> o.warmup = Integer.parseInt(value);
          case "--timeout" -> o.timeoutSeconds = Integer.parseInt(value);
          case "--postgres" -> o.postgres = value;
          case "--lake" -> o.lake = Path.of(value).toAbsolutePath();
          case "--trino" -> o.trino = value;
          case "--spark" -> o.sparkUrl = value;
          case "--hive-jar" -> o.hiveJar = Path.of(value).toAbsolutePath();
          case "--report" -> o.report = Path.of(value);
          default -> throw new IllegalArgumentException("unknown option " + args[i]
              + "; options: --sf, --queries, --runs, --warmup, --timeout, --postgres, --lake, --trino, --spark, --hive-jar, --twin, --report");
        }
        i++;
      }
      if (o.runs < 1) {
        throw new IllegalArgumentException("--runs must be at least 1");
      }
      return o;
    }

    private static List<String> queries(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "all" -> TpchQueries.all();
        case "tpch" -> TpchQueries.all().subList(0, 22);
        default -> List.of(value.toLowerCase(Locale.ROOT).split(","));
      };
    }
  }
}
