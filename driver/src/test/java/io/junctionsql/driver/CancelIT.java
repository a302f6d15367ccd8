package io.junctionsql.driver;

import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.driver.fixtures.PostgresDatabases;

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
    PostgresDatabases.run(url, "CREATE VIEW public.slow AS SELECT 1 AS x FROM pg_sleep(60);\n");
    config = GatewayFiles.write(dir, "cancel.yaml", "sources:\n  pg:\n    kind: jdbc\n    url: " + url
        + "\n    user: " + PostgresDatabases.USER + "\n    pool-size: " + POOL_SIZE + "\n");
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
      long start = System.nanoTime();
      s.cancel();
      SQLException e = running.get(30, TimeUnit.SECONDS);
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat((Object) e).as("the query ends with an error").isNotNull();
      assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("57014");
      assertThat(e.getMessage()).contains("Source 'pg'");
      assertThat(seconds).as("stopped soon after the cancel, not after the source's minute").isLessThan(10);
      awaitSleepers(0);
    } finally {
      pool.shutdownNow();
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
