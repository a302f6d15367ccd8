package io.junctionsql.driver;

import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.driver.fixtures.PostgresDatabases;
import io.junctionsql.driver.fixtures.SourceRuns;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Independent source reads of one query run at the same time: two PostgreSQL sources ({@code pa}, {@code pb},
 * one database) whose views sleep before their first row. PostgreSQL itself shows the two statements running
 * at once with {@code optimizer.parallel-reads} at its default and one after the other at 1; a cancel, a
 * timeout, a source's error and a LIMIT each stop every read, its statement in PostgreSQL and its thread, and
 * give back every pooled connection.
 */
class ParallelReadsIT {
  private static final PostgresDatabases DATABASES = new PostgresDatabases();
  private static final int POOL_SIZE = 4;
  /** Two reads of one second each, joined in Junction (cross-source optimizations off: both are read whole). */
  private static final String JOIN = "SELECT COUNT(*), SUM(a.v + b.w) FROM pa.public.slow_a a"
      + " JOIN pb.public.slow_b b ON a.id = b.id";
  /** A quick read, and one that runs ahead into a fetch of the next rows that takes a minute. */
  private static final String SLOW_TAIL_AHEAD = "SELECT id FROM pa.public.big UNION ALL SELECT id FROM pc.public.slow_tail";
  /** Two reads that would run for a minute each. */
  private static final String SLEEPERS = "SELECT id FROM pa.public.sleepy_a UNION ALL SELECT id FROM pb.public.sleepy_b";
  private static String url;
  @TempDir static Path dir;
  private static Path config;

  @BeforeAll static void setUp() throws Exception {
    url = DATABASES.create("parallel");
    PostgresDatabases.run(url, "CREATE VIEW public.slow_a AS SELECT g AS id, g * 10 AS v"
        + " FROM pg_sleep(1), generate_series(1, 3000) g;\n"
        + "CREATE VIEW public.slow_b AS SELECT g AS id, g * 7 AS w FROM pg_sleep(1), generate_series(1, 3000) g;\n"
        + "CREATE VIEW public.sleepy_a AS SELECT g AS id FROM pg_sleep(60), generate_series(1, 10) g;\n"
        + "CREATE VIEW public.sleepy_b AS SELECT g AS id FROM pg_sleep(60), generate_series(1, 10) g;\n"
        + "CREATE VIEW public.quick AS SELECT g AS id FROM pg_sleep(0.5), generate_series(1, 10) g;\n"
        + "CREATE VIEW public.slow_tail AS SELECT g AS id FROM generate_series(1, 1000) g"
        + " WHERE g <= 500 OR (g = 501 AND pg_sleep(60) IS NULL);\n"
        + "CREATE VIEW public.broken AS SELECT 1000 / (g - 500) AS id FROM generate_series(1, 1000) g;\n"
        + "CREATE TABLE public.big AS SELECT g AS id, md5(g::text) AS t FROM generate_series(1, 200000) g;\n"
        + "ANALYZE public.big;\n");
    String source = "    kind: jdbc\n    url: " + url + "\n    user: " + PostgresDatabases.USER
        + "\n    pool-size: " + POOL_SIZE + "\n";
    // pc fetches 100 rows at a time, so that slow_tail's sleep falls in a later fetch, not in the execution.
    config = GatewayFiles.write(dir, "parallel.yaml", "sources:\n  pa:\n" + source + "  pb:\n" + source
        + "  pc:\n" + source + "    fetch-size: 100\n");
    // Planning counts each view's rows once (bounded at 5 s); do it before anything is timed.
    try (Connection c = connect(4)) {
      for (String sql : List.of(JOIN, SLEEPERS, "SELECT id FROM pa.public.quick UNION ALL SELECT id FROM pb.public.broken",
          "SELECT id FROM pa.public.big UNION ALL SELECT id FROM pb.public.big", SLOW_TAIL_AHEAD)) {
        SourceRuns.explain(c, sql);
      }
    }
  }

  @AfterAll static void tearDown() throws Exception {
    DATABASES.close();
  }

  private static Connection connect(int parallelReads) throws SQLException {
    Properties p = new Properties();
    p.setProperty("optimizer.cross-source", "false");
    p.setProperty("optimizer.parallel-reads", String.valueOf(parallelReads));
    return DriverManager.getConnection("jdbc:junction:config=" + config, p);
  }

  @Test void twoSourceStatementsRunAtOnceAndOneAfterTheOtherWithParallelReadsOne() throws Exception {
    Overlap parallel = overlap(4);
    Overlap serial = overlap(1);
    assertThat(parallel.rows).isEqualTo(serial.rows).isEqualTo("3000 | 76525500");
    assertThat(parallel.mostAtOnce).as("the two views' statements ran in PostgreSQL at the same time")
        .isEqualTo(2);
    assertThat(serial.mostAtOnce).as("with parallel-reads 1, one after the other").isEqualTo(1);
    assertThat(serial.seconds).as("two one-second reads one after the other").isGreaterThanOrEqualTo(2.0);
    System.out.printf("two 1 s reads joined: %.2f s in parallel, %.2f s one after the other%n", parallel.seconds,
        serial.seconds);
  }

  private record Overlap(String rows, int mostAtOnce, double seconds) {
  }

  /** Runs {@link #JOIN}, sampling what PostgreSQL runs for it every 20 ms. */
  private static Overlap overlap(int parallelReads) throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger most = new AtomicInteger();
    ExecutorService sampler = Executors.newSingleThreadExecutor();
    try (Connection c = connect(parallelReads)) {
      Future<?> sampling = sampler.submit(() -> {
        while (!done.get()) {
          most.accumulateAndGet(running("slow_"), Math::max);
          Thread.sleep(20);
        }
        return null;
      });
      long start = System.nanoTime();
      List<String> rows = SourceRuns.run(c, JOIN).rows();
      double seconds = (System.nanoTime() - start) / 1e9;
      done.set(true);
      sampling.get(10, TimeUnit.SECONDS);
      assertThat(c.unwrap(JunctionConnection.class).sourceConnectionsHeld()).isZero();
      return new Overlap(String.join("\n", rows), most.get(), seconds);
    } finally {
      sampler.shutdownNow();
    }
  }

  @Test void aCancelStopsEveryParallelReadInTheSource() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection c = connect(4); Statement s = c.createStatement()) {
      Future<SQLException> query = pool.submit(() -> failure(s, SLEEPERS));
      awaitRunning("sleepy_", 2, 20);
      s.cancel();
      SQLException e = query.get(10, TimeUnit.SECONDS);
      assertThat((Object) e).as("the query ends with an error").isNotNull();
      assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("57014");
      awaitRunning("sleepy_", 0, 1);
      assertNothingLeft(c);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test void aTimeoutStopsEveryParallelReadInTheSource() throws Exception {
    try (Connection c = connect(4); Statement s = c.createStatement()) {
      s.setQueryTimeout(2);
      long start = System.nanoTime();
      SQLException e = failure(s, SLEEPERS);
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat((Object) e).as("the query ends with an error").isNotNull();
      assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("57014");
      assertThat(e.getMessage()).contains("timeout");
      // Calcite gives each source statement the whole seconds left as its own timeout, so PostgreSQL may stop
      // them a little before the query's timer does.
      assertThat(seconds).as("stopped by the two-second timeout, not after the sources' minute").isLessThan(3.5);
      awaitRunning("sleepy_", 0, 1);
      assertNothingLeft(c);
    }
  }

  /**
   * A read that fails ahead of the query (PostgreSQL's division by zero) fails the query with PostgreSQL's
   * SQLState and message, as it does with parallel reads off, and the other read ahead (a minute's sleep) stops.
   */
  @Test void aFailingReadReachesTheUserAsWithoutParallelReadsAndStopsTheOthers() throws Exception {
    String sql = "SELECT id FROM pa.public.quick UNION ALL SELECT id FROM pb.public.broken"
        + " UNION ALL SELECT id FROM pa.public.sleepy_a";
    SQLException serial;
    try (Connection c = connect(1); Statement s = c.createStatement()) {
      serial = failure(s, sql);
    }
    assertThat((Object) serial).isNotNull();
    try (Connection c = connect(4); Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery(sql);
      awaitRunning("sleepy_a", 1, 20);
      SQLException e = null;
      try {
        while (rs.next()) {
          // the quick view's rows, then the failure
        }
      } catch (SQLException failure) {
        e = failure;
      }
      assertThat((Object) e).as("the query ends with an error").isNotNull();
      assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("22012").isEqualTo(serial.getSQLState());
      assertThat(e.getMessage()).isEqualTo(serial.getMessage()).contains("Source 'pb'").contains("division by zero");
      awaitRunning("sleepy_", 0, 1);
      awaitNoReadThreads();
      rs.close();
      assertNothingLeft(c);
    }
  }

  /** LIMIT 1 over two large reads: once the one row is read, the read running ahead stops and lets go. */
  @Test void aLimitStopsTheReadRunningAhead() throws Exception {
    try (Connection c = connect(4); Statement s = c.createStatement()) {
      JunctionConnection junction = c.unwrap(JunctionConnection.class);
      junction.takeRowsRead();
      ResultSet rs = s.executeQuery("SELECT id FROM pa.public.big UNION ALL SELECT id FROM pb.public.big LIMIT 1");
      assertThat(rs.next()).isTrue();
      assertThat(rs.next()).isFalse();
      awaitNoReadThreads();
      rs.close();
      Map<String, Long> read = junction.takeRowsRead();
      assertThat(read.getOrDefault("pb", 0L)).as("rows the read ahead took from pb of its 200000")
          .isLessThan(10_000L);
      assertNothingLeft(c);
    }
  }

  /**
   * A result set closed after its first row while the read running ahead waits for PostgreSQL to fetch its
   * next rows (which the PostgreSQL driver's statement cancel does not stop): it closes at once, and
   * PostgreSQL stops the fetch.
   */
  @Test void closingAResultSetStopsAReadRunningAheadInTheMiddleOfASlowFetch() throws Exception {
    try (Connection c = connect(4); Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery(SLOW_TAIL_AHEAD);
      assertThat(rs.next()).isTrue();
      awaitRunning("\"slow_tail", 1, 15);
      // slow_tail's first 500 rows take moments; then its read waits in the fetch that sleeps.
      Thread.sleep(1000);
      awaitRunning("\"slow_tail", 1, 1);
      long start = System.nanoTime();
      rs.close();
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(seconds).as("closing the result set, not waiting for the source's minute").isLessThan(2);
      awaitRunning("\"slow_tail", 0, 1);
      assertNothingLeft(c);
    }
  }

  /**
   * slow_tail's 500 rows come in fetches of 100, and the fetch after them sleeps a minute: its rows reach the
   * user while it sleeps, not only the batches that were full before it (448 of them), and the last of them too:
   * the result set hands each row over before it asks for the next ({@code PromptRows}).
   */
  @Test void rowsFetchedBeforeASlowFetchReachTheUserWhileItWaits() throws Exception {
    try (Connection c = connect(4); Statement s = c.createStatement()) {
      long start = System.nanoTime();
      int rows = 0;
      try (ResultSet rs = s.executeQuery(SLOW_TAIL_AHEAD)) {
        while (rows < 200_500 && rs.next()) {
          rows++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(rows).isEqualTo(200_500);
        assertThat(rs.getInt(1)).isEqualTo(500);
        assertThat(seconds).as("seconds until big's 200000 rows and slow_tail's 500 arrived").isLessThan(30);
        awaitRunning("\"slow_tail", 1, 1);
      }
      awaitRunning("\"slow_tail", 0, 1);
      assertNothingLeft(c);
    }
  }

  /**
   * A connection closed with a query's rows half read: its reads running ahead stop, and every source
   * connection goes back to its pool (the read on the query's thread too, which closing the engine's
   * connection did not close before, with or without parallel reads).
   */
  @Test void closingTheConnectionStopsItsReads() throws Exception {
    Connection c = connect(4);
    Statement s = c.createStatement();
    ResultSet rs = s.executeQuery("SELECT id FROM pa.public.big UNION ALL SELECT id FROM pb.public.big"
        + " UNION ALL SELECT id FROM pa.public.big");
    assertThat(rs.next()).isTrue();
    c.close();
    awaitNoReadThreads();
    try (Connection pg = PostgresDatabases.connect(url); Statement st = pg.createStatement();
         ResultSet open = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
             + " AND pid <> pg_backend_pid() AND state <> 'idle'")) {
      open.next();
      assertThat(open.getInt(1)).as("source connections busy or in a transaction").isZero();
    }
  }

  /**
   * Eight connections at once, each running queries of three reads (two of one source) over sources of four
   * pooled connections: every answer is right, nothing waits for a connection past its pool's wait, and
   * afterwards no read's thread is alive and no connection is held.
   */
  @Test void manyConnectionsAtOnceShareThePoolsWithoutWaitingForEachOther() throws Exception {
    String sql = "SELECT id FROM pa.public.big WHERE id <= 3000 UNION ALL SELECT id FROM pb.public.big"
        + " WHERE id <= 2000 UNION ALL SELECT id FROM pa.public.big WHERE id > 199000";
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> runs = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        runs.add(pool.submit(() -> {
          int right = 0;
          try (Connection c = connect(4)) {
            for (int i = 0; i < 10; i++) {
              right += SourceRuns.run(c, sql).rows().size() == 6000 ? 1 : 0;
            }
            assertThat(c.unwrap(JunctionConnection.class).sourceConnectionsHeld()).isZero();
          }
          return right;
        }));
      }
      for (Future<Integer> run : runs) {
        assertThat(run.get(120, TimeUnit.SECONDS)).as("right answers of ten").isEqualTo(10);
      }
    } finally {
      pool.shutdownNow();
    }
    awaitNoReadThreads();
  }

  private static SQLException failure(Statement s, String sql) {
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        // read until it fails
      }
      return null;
    } catch (SQLException e) {
      return e;
    }
  }

  private static void assertNothingLeft(Connection c) throws Exception {
    awaitNoReadThreads();
    assertThat(c.unwrap(JunctionConnection.class).sourceConnectionsHeld()).as("source connections held").isZero();
    try (Connection pg = PostgresDatabases.connect(url); Statement st = pg.createStatement();
         ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
             + " AND pid <> pg_backend_pid()")) {
      rs.next();
      assertThat(rs.getInt(1)).as("connections PostgreSQL holds for the three sources").isLessThanOrEqualTo(3 * POOL_SIZE);
    }
  }

  /** Waits up to a second until no thread of Junction's parallel reads is alive. */
  private static void awaitNoReadThreads() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    long alive;
    do {
      alive = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().startsWith("junction-read-") && t.isAlive()).count();
      if (alive == 0) {
        return;
      }
      Thread.sleep(20);
    } while (System.nanoTime() < deadline);
    assertThat(alive).as("threads of parallel reads still alive").isZero();
  }

  /** Source statements PostgreSQL runs now whose text names a relation starting with {@code relation}. */
  private static int running(String relation) throws SQLException {
    try (Connection pg = PostgresDatabases.connect(url); Statement st = pg.createStatement();
         ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
             + " AND state = 'active' AND pid <> pg_backend_pid() AND query LIKE 'SELECT%" + relation + "%'"
             + " AND query NOT ILIKE '%count(%'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void awaitRunning(String relation, int n, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    int seen;
    do {
      seen = running(relation);
      if (seen == n) {
        return;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    assertThat(seen).as("statements on %s running in PostgreSQL", relation).isEqualTo(n);
  }
}
