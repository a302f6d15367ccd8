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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query whose source statement would run for a minute (a PostgreSQL view that sleeps) is stopped in
 * the source itself by {@code Statement.cancel()} and by {@code setQueryTimeout}: the client gets 57014
 * and PostgreSQL no longer runs the statement.
 */
class CancelIT {
  private static final PostgresDatabases DATABASES = new PostgresDatabases();
  private static final int POOL_SIZE = 4;
  private static String url;
  @TempDir static Path dir;
  private static Path config;

  @BeforeAll static void setUp() throws Exception {
    url = DATABASES.create("cancel");
    // slow_tail gives 500 rows at once, then sleeps a minute before the next: with 100 rows per fetch, the
    // sleep falls in a later fetch of the open cursor, not in the statement's execution.
    PostgresDatabases.run(url, "CREATE VIEW public.slow AS SELECT 1 AS x FROM pg_sleep(60);\n"
        + "CREATE VIEW public.slow_tail AS SELECT g AS x FROM generate_series(1, 1000) g"
        + " WHERE g <= 500 OR (g = 501 AND pg_sleep(60) IS NULL);\n");
    config = GatewayFiles.write(dir, "cancel.yaml", "sources:\n  pg:\n    kind: jdbc\n    url: " + url
        + "\n    user: " + PostgresDatabases.USER + "\n    pool-size: " + POOL_SIZE + "\n    fetch-size: 100\n");
  }

  @AfterAll static void tearDown() throws Exception {
    DATABASES.close();
  }

  @Test void cancelStopsTheStatementInTheSource() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection c = GatewayFiles.connect(config); Statement s = c.createStatement()) {
      Future<SQLException> running = pool.submit(() -> {
        try (ResultSet rs = s.executeQuery("SELECT x FROM pg.public.slow")) {
          rs.next();
          return null;
        } catch (SQLException e) {
          return e;
        }
      });
      awaitSleepers(1);
      SQLException e = cancel(s, running, 10);
      assertThat(e.getMessage()).contains("Source 'pg'");
      awaitSleepers(0);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * PostgreSQL's driver ignores {@code Statement.cancel()} while a result set fetches its next rows; Junction
   * sends the cancel for the source connection then, and does not return that connection to its pool.
   */
  @Test void cancelStopsASourceStatementWhileItsNextRowsAreFetched() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    AtomicInteger rows = new AtomicInteger();
    try (Connection c = GatewayFiles.connect(config); Statement s = c.createStatement()) {
      Future<SQLException> running = pool.submit(() -> readAll(s, "SELECT x FROM pg.public.slow_tail", rows));
      awaitSlowFetch(rows);
      cancel(s, running, 2);
      awaitSleepers(0);
      assertNextQueryRunsAndNothingIsHeld(c);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test void queryTimeoutStopsASourceStatementWhileItsNextRowsAreFetched() throws Exception {
    try (Connection c = GatewayFiles.connect(config); Statement s = c.createStatement()) {
      // Plan once first: the timer covers planning, and planning counts the view's rows (bounded at 5 s).
      SourceRuns.explain(c, "SELECT x FROM pg.public.slow_tail");
      s.setQueryTimeout(2);
      AtomicInteger rows = new AtomicInteger();
      long start = System.nanoTime();
      SQLException e = readAll(s, "SELECT x FROM pg.public.slow_tail", rows);
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat((Object) e).as("the query ends with an error").isNotNull();
      assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("57014");
      assertThat(rows.get()).as("rows read before the slow fetch").isGreaterThanOrEqualTo(400);
      assertThat(seconds).as("stopped within a second of the two-second timeout").isLessThan(3.5);
      awaitSleepers(0);
      s.setQueryTimeout(0);
      assertNextQueryRunsAndNothingIsHeld(c);
    }
  }

  @Test void queryTimeoutStopsTheStatementInTheSource() throws Exception {
    try (Connection c = GatewayFiles.connect(config); Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      long start = System.nanoTime();
      SQLException e = null;
      try (ResultSet rs = s.executeQuery("SELECT x FROM pg.public.slow")) {
        rs.next();
      } catch (SQLException failure) {
        e = failure;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat((Object) e).as("the query ends with an error").isNotNull();
      assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("57014");
      assertThat(e.getMessage()).contains("timeout");
      assertThat(seconds).as("stopped within a second of the one-second timeout").isLessThan(2.5);
      awaitSleepers(0);
    }
  }

  @Test void aTimeoutDoesNotStopAQuickQuery() throws Exception {
    try (Connection c = GatewayFiles.connect(config); Statement s = c.createStatement()) {
      // The timer covers planning too; plan once first, since a cold JVM's first plan can take seconds here.
      s.executeQuery("SELECT COUNT(*) FROM (VALUES (1), (2)) AS t (x)").close();
      s.setQueryTimeout(1);
      Thread.sleep(1500);
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM (VALUES (1), (2)) AS t (x)")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(2);
      }
    }
  }

  /**
   * A thousand queries, each cancelled while PostgreSQL runs it: every one ends with 57014, and
   * afterwards PostgreSQL runs nothing for Junction and holds no more connections than the source's pool.
   */
  @Test void aThousandCancelledQueriesLeakNoConnection() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection c = GatewayFiles.connect(config);
         java.sql.PreparedStatement ps = c.prepareStatement("SELECT x FROM pg.public.slow")) {
      for (int i = 0; i < 1000; i++) {
        Future<SQLException> running = pool.submit(() -> {
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return null;
          } catch (SQLException e) {
            return e;
          }
        });
        awaitSleepers(1);
        ps.cancel();
        SQLException e = running.get(10, TimeUnit.SECONDS);
        assertThat((Object) e).as("query %d ends with an error", i).isNotNull();
        assertThat(e.getSQLState()).as("query %d: %s", i, e.getMessage()).isEqualTo("57014");
      }
      awaitSleepers(0);
      try (Connection pg = PostgresDatabases.connect(url); Statement st = pg.createStatement();
           ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
               + " AND pid <> pg_backend_pid()")) {
        rs.next();
        assertThat(rs.getInt(1)).as("connections PostgreSQL holds for Junction").isLessThanOrEqualTo(POOL_SIZE);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Cancels {@code s}, whose query {@code running} reads: it must end with 57014 within {@code seconds}. */
  private static SQLException cancel(Statement s, Future<SQLException> running, double seconds) throws Exception {
    long start = System.nanoTime();
    s.cancel();
    SQLException e = running.get(30, TimeUnit.SECONDS);
    double took = (System.nanoTime() - start) / 1e9;
    assertThat((Object) e).as("the query ends with an error").isNotNull();
    assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("57014");
    assertThat(took).as("stopped soon after the cancel, not after the source's minute").isLessThan(seconds);
    return e;
  }

  private static SQLException readAll(Statement s, String sql, AtomicInteger rows) {
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.incrementAndGet();
      }
      return null;
    } catch (SQLException e) {
      return e;
    }
  }

  /**
   * Waits until the reader has the rows before slow_tail's sleep (all but the last, which the reader's
   * look-ahead holds) and stopped getting more, while PostgreSQL runs the statement: it is in the slow fetch.
   */
  private static void awaitSlowFetch(AtomicInteger rows) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (rows.get() < 400 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    int seen;
    do {
      seen = rows.get();
      Thread.sleep(300);
    } while (rows.get() != seen && System.nanoTime() < deadline);
    assertThat(seen).as("rows read before the slow fetch").isGreaterThanOrEqualTo(400);
    awaitSleepers(1);
  }

  /**
   * The connection runs its next query, and PostgreSQL holds no more connections for Junction than the pool
   * (the cancelled one was closed, not returned to the pool with a cancel still on its way).
   */
  private static void assertNextQueryRunsAndNothingIsHeld(Connection c) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg.public.slow_tail"
        + " WHERE x <= 10")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(10);
    }
    assertThat(c.unwrap(JunctionConnection.class).sourceConnectionsHeld()).as("source connections held").isZero();
    try (Connection pg = PostgresDatabases.connect(url); Statement st = pg.createStatement();
         ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
             + " AND pid <> pg_backend_pid() AND state <> 'idle'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("source connections busy or in a transaction").isZero();
    }
  }

  /**
   * Waits until PostgreSQL runs exactly {@code n} of the query's own statements ({@code SELECT * FROM ...}; the
   * planner's bounded row count of the view, which also sleeps, is not counted).
   */
  private static void awaitSleepers(int n) throws Exception {
    // Starting takes a while (planning first counts the view's rows, bounded at 5 s); stopping must take
    // at most a second.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(n > 0 ? 15 : 1);
    int seen = -1;
    while (System.nanoTime() < deadline) {
      try (Connection pg = PostgresDatabases.connect(url); Statement st = pg.createStatement();
           ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
               + " AND state = 'active' AND pid <> pg_backend_pid() AND query LIKE 'SELECT *%slow%'")) {
        rs.next();
        seen = rs.getInt(1);
      }
      if (seen == n) {
        return;
      }
      Thread.sleep(100);
    }
    StringBuilder all = new StringBuilder();
    try (Connection pg = PostgresDatabases.connect(url); Statement st = pg.createStatement();
         ResultSet rs = st.executeQuery("SELECT state || ' ' || query FROM pg_stat_activity WHERE datname = current_database()")) {
      while (rs.next()) {
        all.append(rs.getString(1)).append('\n');
      }
    }
    assertThat(seen).as("statements running in PostgreSQL; all: " + all).isEqualTo(n);
  }
}
