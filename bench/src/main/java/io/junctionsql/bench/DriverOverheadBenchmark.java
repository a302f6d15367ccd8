package io.junctionsql.bench;

import io.junctionsql.server.auth.PasswordHash;
import io.junctionsql.server.http.JunctionServer;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * JMH: reading a one-million-row PostgreSQL table (bigint, int, numeric(12,2), text, timestamp; every
 * value through a typed getter) directly with PostgreSQL's driver, through the embedded Junction driver,
 * and through {@code junction serve} with Avatica protobuf and with JSON; prints rows per second and each
 * way's ratio to the direct read, all from one run.
 *
 * <p>Usage: {@code DriverOverheadBenchmark [pg-host:port] [rows]}; the table is made once in database
 * {@code junction_bench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
public class DriverOverheadBenchmark {
  static final String DATABASE = "junction_bench";
  static final String FETCH = "10000";

  @Param({"direct", "embedded", "protobuf", "json"})
  public String way;

  private JunctionServer server;
  private Connection connection;
  private String sql;

  public static void main(String[] args) throws Exception {
    String hostPort = args.length > 0 ? args[0] : "127.0.0.1:5432";
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    Path dir = Files.createTempDirectory("junction-bench");
    prepare(hostPort, rows, dir);
    Options options = new OptionsBuilder().include(DriverOverheadBenchmark.class.getName())
        .warmupIterations(2).measurementIterations(5).forks(1)
        .jvmArgsAppend("-Xmx2g", "-Djunction.bench.dir=" + dir, "-Djunction.bench.pg=" + hostPort)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, Double> seconds = new LinkedHashMap<>();
    for (RunResult r : results) {
      seconds.put(r.getParams().getParam("way"), r.getPrimaryResult().getScore());
    }
    double direct = seconds.get("direct");
    System.out.printf("%nReading %,d rows x 5 columns, mean of 5 single-shot runs after 2 warm-ups:%n", rows);
    System.out.println("| way | seconds | rows/s | ratio to direct |");
    System.out.println("| --- | ---: | ---: | ---: |");
    seconds.forEach((way, s) -> System.out.printf("| %s | %.2f | %,.0f | %.2f |%n", way, s, rows / s, direct / s));
  }

  /** The table in PostgreSQL (made once), the gateway config and a users file for the server. */
  static void prepare(String hostPort, int rows, Path dir) throws Exception {
    String admin = "jdbc:postgresql://" + hostPort + "/postgres";
    try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
      if (!rs.next()) {
        s.execute("CREATE DATABASE " + DATABASE);
      }
    }
    try (Connection c = DriverManager.getConnection(url(hostPort), "postgres", ""); Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'wide'");
      rs.next();
      if (rs.getInt(1) == 0 || count(s) != rows) {
        s.execute("DROP TABLE IF EXISTS wide");
        s.execute("CREATE TABLE wide AS SELECT g::bigint AS id, (g % 1000)::int AS customer_id, "
            + "round((g % 100000) / 7.0, 2)::numeric(12,2) AS amount, 'channel-' || (g % 37) || '-' || md5(g::text) "
            + "AS channel, TIMESTAMP '2024-01-01' + g * INTERVAL '1 second' AS event_time "
            + "FROM generate_series(1, " + rows + ") g");
        s.execute("ANALYZE wide");
      }
    }
    Files.writeString(dir.resolve("users.yaml"), "users:\n  bench:\n    password: \""
        + PasswordHash.hash("bench".toCharArray(), 1000) + "\"\n");
    Files.writeString(dir.resolve("junction.yaml"), "server:\n  host: 127.0.0.1\n  port: 0\n"
        + "  management_host: 127.0.0.1\n  management_port: 0\n  auth:\n    basic:\n      users_file: users.yaml\n"
        + "  limits:\n    query_timeout: 30m\n"
        + "sources:\n  pg:\n    kind: jdbc\n    url: " + url(hostPort) + "\n    user: postgres\n    fetch-size: " + FETCH + "\n");
  }

  private static int count(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM wide")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static String url(String hostPort) {
    return "jdbc:postgresql://" + hostPort + "/" + DATABASE;
  }

  @Setup(Level.Trial) public void open() throws Exception {
    Path dir = Path.of(System.getProperty("junction.bench.dir"));
    Path config = dir.resolve("junction.yaml");
    sql = "SELECT id, customer_id, amount, channel, event_time FROM pg.public.wide";
    switch (way) {
    case "direct":
      connection = DriverManager.getConnection(url(System.getProperty("junction.bench.pg")), "postgres", "");
      connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
      sql = "SELECT id, customer_id, amount, channel, event_time FROM public.wide";
      break;
    case "embedded":
      connection = DriverManager.getConnection("jdbc:junction:config=" + config);
      break;
    default:
      server = JunctionServer.start(config);
      Properties p = new Properties();
      p.setProperty("authentication", "BASIC");
      p.setProperty("avatica_user", "bench");
      p.setProperty("avatica_password", "bench");
      connection = DriverManager.getConnection(server.jdbcUrl(way), p);
    }
  }

  @TearDown(Level.Trial) public void close() throws Exception {
    connection.close();
    if (server != null) {
      server.close();
    }
  }

  /** Reads every value of every row; returns a checksum so that nothing is optimised away. */
  @Benchmark public long readAll() throws SQLException {
    long sum = 0;
    try (Statement s = connection.createStatement()) {
      s.setFetchSize(Integer.parseInt(FETCH));
      try (ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          sum += rs.getLong(1) + rs.getInt(2);
          BigDecimal amount = rs.getBigDecimal(3);
          sum += amount.unscaledValue().longValue();
          sum += rs.getString(4).length();
          Timestamp t = rs.getTimestamp(5);
          sum += t.getTime();
        }
      }
    }
    return sum;
  }
}
