package io.junctionsql.tck;

import io.junctionsql.driver.fixtures.DeltaEvents;
import io.junctionsql.driver.fixtures.FederatedData;
import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.driver.fixtures.PostgresDatabases;
import io.junctionsql.server.auth.PasswordHash;
import io.junctionsql.server.http.JunctionServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 32 remote clients (protobuf) each run 500 queries over a PostgreSQL source and a Delta source: point
 * lookups and aggregates by customer, a day of the Delta table and that day joined with the customers,
 * with parameters drawn at random. Every
 * answer is checked against the oracle database; the test fails on any error or wrong answer. It
 * prints p50 and p99 latency per query kind (also written to target/server-load.md), then checks that
 * the server let go of everything: client connections, source connections, heap.
 */
class ServerLoadIT {
  static final int CLIENTS = 32;
  static final int QUERIES_PER_CLIENT = 500;
  static final int USERS = 4;
  static final int POOL_SIZE = 12;

  /** The workload: Junction's SQL and the oracle's, both with one customer id parameter. */
  enum Kind {
    POINT("SELECT name, country FROM sap.master.customers WHERE customer_id = ?",
        "SELECT name, country FROM master.customers WHERE customer_id = ?"),
    AGGREGATE("SELECT status, COUNT(*), SUM(quantity) FROM sap.sales.orders WHERE customer_id = ? GROUP BY status "
        + "ORDER BY status",
        "SELECT status, COUNT(*), SUM(quantity) FROM sales.orders WHERE customer_id = ? GROUP BY status ORDER BY status"),
    // The lake queries pick one day, as lake queries usually select a slice: Delta's statistics skip the
    // other days' files.
    DELTA("SELECT COUNT(*), MIN(customer_id), MAX(small) FROM lake.marketing.events WHERE event_day = ?",
        "SELECT COUNT(*), MIN(customer_id), MAX(small) FROM marketing.events WHERE event_day = ?"),
    FEDERATED("SELECT c.country, COUNT(*) FROM lake.marketing.events e JOIN sap.master.customers c "
        + "ON c.customer_id = e.customer_id WHERE e.event_day = ? GROUP BY c.country",
        "SELECT c.country, COUNT(*) FROM marketing.events e JOIN master.customers c "
        + "ON c.customer_id = e.customer_id WHERE e.event_day = ? GROUP BY c.country");

    final String junction;
    final String oracle;

    Kind(String junction, String oracle) {
      this.junction = junction;
      this.oracle = oracle;
    }

    /** The parameter values this kind draws from: customer ids, or days of the lake's events. */
    int parameterCount() {
      return this == DELTA || this == FEDERATED ? DeltaEvents.DAYS : FederatedData.CUSTOMERS;
    }

    void bind(PreparedStatement ps, int value) throws SQLException {
      if (parameterCount() == DeltaEvents.DAYS) {
        ps.setDate(1, java.sql.Date.valueOf(DeltaEvents.FIRST_DAY.plusDays(value - 1)));
      } else {
        ps.setInt(1, value);
      }
    }
  }

  @Test void thirtyTwoClientsFiveHundredQueriesEachWithoutAnError(@TempDir Path dir) throws Exception {
    try (FederatedData data = new FederatedData().withLake(dir)) {
      Map<Kind, Map<Integer, List<String>>> expected = oracleAnswers(data.oracleUrl);
      StringBuilder users = new StringBuilder("users:\n");
      for (int u = 0; u < USERS; u++) {
        users.append("  user").append(u).append(":\n    password: \"")
            .append(PasswordHash.hash(("pw-" + u).toCharArray())).append("\"\n");
      }
      GatewayFiles.write(dir, "users.yaml", users.toString());
      Path config = GatewayFiles.write(dir, "junction.yaml", "server:\n  host: 127.0.0.1\n  port: 0\n"
          + "  management_host: 127.0.0.1\n  management_port: 0\n  auth:\n    basic:\n      users_file: users.yaml\n"
          + data.gatewayYaml().replace("    kind: jdbc\n    url: " + data.sapUrl,
              "    kind: jdbc\n    pool-size: " + POOL_SIZE + "\n    url: " + data.sapUrl));
      JunctionServer server = JunctionServer.start(config);
      try {
        runClients(server, expected, 1, 20); // warm-up: plans, pools, JIT
        long heapIdle = usedHeapAfterGc();
        int sourceIdle = sourceConnections(data.sapUrl);

        long started = System.nanoTime();
        Map<Kind, List<Long>> latencies = runClients(server, expected, CLIENTS, QUERIES_PER_CLIENT);
        double seconds = (System.nanoTime() - started) / 1e9;

        String report = report(latencies, seconds);
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "server-load.md"), report);

        assertThat(server.openConnections()).as("every client connection closed on the server").isZero();
        assertThat(activeSourceStatements(data.sapUrl)).as("no source statement left running").isZero();
        int sourceAfter = sourceConnections(data.sapUrl);
        assertThat(sourceAfter).as("source connections: idle before %d, after %d", sourceIdle, sourceAfter)
            .isLessThanOrEqualTo(POOL_SIZE);
        long heapAfter = usedHeapAfterGc();
        assertThat(heapAfter - heapIdle).as("heap after the load (MiB %d) near idle (MiB %d)",
            heapAfter >> 20, heapIdle >> 20).isLessThan(96L << 20);
      } finally {
        server.close();
      }
    }
  }

  private static Map<Kind, List<Long>> runClients(JunctionServer server, Map<Kind, Map<Integer, List<String>>> expected,
      int clients, int queries) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    Map<Kind, ConcurrentLinkedQueue<Long>> times = new HashMap<>();
    for (Kind k : Kind.values()) {
      times.put(k, new ConcurrentLinkedQueue<>());
    }
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      running.add(pool.submit(() -> {
        Properties p = new Properties();
        p.setProperty("authentication", "BASIC");
        p.setProperty("avatica_user", "user" + client % USERS);
        p.setProperty("avatica_password", "pw-" + client % USERS);
        Random random = new Random(client);
        try (Connection conn = DriverManager.getConnection(server.jdbcUrl("protobuf"), p)) {
          Map<Kind, PreparedStatement> prepared = new HashMap<>();
          for (Kind k : Kind.values()) {
            prepared.put(k, conn.prepareStatement(k.junction));
          }
          for (int q = 0; q < queries; q++) {
            Kind kind = Kind.values()[(client + q) % Kind.values().length];
            int customer = 1 + random.nextInt(kind.parameterCount());
            long t0 = System.nanoTime();
            PreparedStatement ps = prepared.get(kind);
            kind.bind(ps, customer);
            List<String> rows;
            try (ResultSet rs = ps.executeQuery()) {
              rows = rows(rs);
            }
            times.get(kind).add(System.nanoTime() - t0);
            List<String> want = expected.get(kind).get(customer);
            if (!sorted(rows).equals(sorted(want))) {
              failures.add(kind + " parameter " + customer + ": got " + rows + ", oracle " + want);
            }
          }
          for (PreparedStatement ps : prepared.values()) {
            ps.close();
          }
        } catch (SQLException | RuntimeException e) {
          failures.add("client " + client + ": " + e);
        }
        return null;
      }));
    }
    for (Future<?> f : running) {
      f.get(20, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertThat(failures).as("errors and wrong answers").isEmpty();
    Map<Kind, List<Long>> out = new HashMap<>();
    times.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
    return out;
  }

  private static List<String> sorted(List<String> rows) {
    List<String> copy = new ArrayList<>(rows);
    Collections.sort(copy);
    return copy;
  }

  private static List<String> rows(ResultSet rs) throws SQLException {
    List<String> out = new ArrayList<>();
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      String[] values = new String[n];
      for (int i = 0; i < n; i++) {
        values[i] = rs.getString(i + 1);
      }
      out.add(Arrays.toString(values));
    }
    return out;
  }

  private static Map<Kind, Map<Integer, List<String>>> oracleAnswers(String oracleUrl) throws SQLException {
    Map<Kind, Map<Integer, List<String>>> out = new HashMap<>();
    try (Connection c = PostgresDatabases.connect(oracleUrl)) {
      for (Kind k : Kind.values()) {
        Map<Integer, List<String>> answers = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(k.oracle)) {
          for (int customer = 1; customer <= k.parameterCount(); customer++) {
            k.bind(ps, customer);
            try (ResultSet rs = ps.executeQuery()) {
              answers.put(customer, rows(rs));
            }
          }
        }
        out.put(k, answers);
      }
    }
    return out;
  }

  private static String report(Map<Kind, List<Long>> latencies, double seconds) {
    StringBuilder b = new StringBuilder();
    int total = latencies.values().stream().mapToInt(List::size).sum();
    b.append(String.format("Server load: %d clients x %d queries (protobuf, Basic auth), %d queries in %.1f s, "
        + "%.0f queries/s, 0 errors%n%n", CLIENTS, QUERIES_PER_CLIENT, total, seconds, total / seconds));
    b.append("| query | count | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|\n");
    List<Long> all = new ArrayList<>();
    for (Kind k : Kind.values()) {
      List<Long> t = latencies.get(k);
      all.addAll(t);
      b.append(row(k.name().toLowerCase(java.util.Locale.ROOT), t));
    }
    b.append(row("all", all));
    return b.toString();
  }

  private static String row(String name, List<Long> nanos) {
    List<Long> s = new ArrayList<>(nanos);
    Collections.sort(s);
    return String.format("| %s | %d | %.1f | %.1f | %.1f |%n", name, s.size(), percentile(s, 50), percentile(s, 99),
        s.get(s.size() - 1) / 1e6);
  }

  private static double percentile(List<Long> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, i)) / 1e6;
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Connections the source pool holds to the source database. */
  private static int sourceConnections(String url) throws SQLException {
    return count(url, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        + "AND pid <> pg_backend_pid()");
  }

  private static int activeSourceStatements(String url) throws SQLException {
    return count(url, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        + "AND pid <> pg_backend_pid() AND state = 'active'");
  }

  private static int count(String url, String sql) throws SQLException {
    try (Connection c = PostgresDatabases.connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
