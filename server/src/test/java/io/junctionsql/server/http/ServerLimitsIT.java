package io.junctionsql.server.http;

import io.junctionsql.driver.fixtures.PostgresDatabases;

import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server's limits answer at once with a SQLState a client can act on: rows per result (54000),
 * the query timeout (57014, and the source statement is gone), queries per user (53300) and
 * connections per user.
 */
class ServerLimitsIT {
  @TempDir static Path dir;
  static PostgresDatabases databases;
  static String url;
  static ServerFixture fixture;

  @BeforeAll static void start() throws Exception {
    databases = new PostgresDatabases();
    url = databases.create("limits");
    PostgresDatabases.run(url, "CREATE TABLE public.numbers AS SELECT g AS n FROM generate_series(1, 5000) g;\n"
        + "CREATE VIEW public.slow AS SELECT 1 AS x FROM pg_sleep(60);\n");
    fixture = ServerFixture.start(dir, "  limits:\n    max_rows: 1000\n    query_timeout: 2s\n"
            + "    max_concurrent_queries: 2\n    max_concurrent_queries_per_user: 1\n"
            + "    max_connections_per_user: 3\n",
        "sources:\n  pg:\n    kind: jdbc\n    url: " + url + "\n    user: postgres\n");
  }

  @AfterAll static void stop() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
    databases.close();
  }

  @Test void aResultPastMaxRowsFailsInsteadOfBeingCut() throws Exception {
    try (Connection c = fixture.alice("protobuf"); Statement s = c.createStatement()) {
      assertThatThrownBy(() -> {
        try (ResultSet rs = s.executeQuery("SELECT n FROM pg.public.numbers")) {
          while (rs.next()) {
            rs.getInt(1);
          }
        }
      })
          // Past the first frame the limit is met while fetching, where Avatica's client reports server
          // errors as its own runtime exception; the SQLState and message are the server's.
          .isInstanceOfSatisfying(AvaticaClientRuntimeException.class, e -> {
            assertThat(e.getSqlState()).isEqualTo("54000");
            assertThat(e.getMessage()).contains("1000").contains("max_rows");
          });
      try (ResultSet rs = s.executeQuery("SELECT n FROM pg.public.numbers ORDER BY n LIMIT 1000")) {
        int count = 0;
        while (rs.next()) {
          count++;
        }
        assertThat(count).isEqualTo(1000);
      }
    }
  }

  @Test void theQueryTimeoutStopsTheSourceStatementToo() throws Exception {
    try (Connection c = fixture.bob("protobuf"); Statement s = c.createStatement()) {
      long started = System.nanoTime();
      assertThatThrownBy(() -> s.executeQuery("SELECT x FROM pg.public.slow"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("57014"));
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(6_000);
    }
    assertThat(slowQueriesInPostgres()).as("PostgreSQL no longer runs the view's sleep").isZero();
  }

  private static int slowQueriesInPostgres() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    int n;
    do {
      try (Connection pg = PostgresDatabases.connect(url); Statement st = pg.createStatement();
           ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
               + " AND state = 'active' AND query LIKE '%slow%' AND pid <> pg_backend_pid()")) {
        rs.next();
        n = rs.getInt(1);
      }
    } while (n > 0 && System.nanoTime() < deadline);
    return n;
  }

  @Test void aSecondQueryOfTheSameUserIsRefusedAtOnceWhileAnotherUserRuns() throws Exception {
    try (Connection busy = fixture.alice("protobuf"); Connection second = fixture.alice("json");
         Connection other = fixture.bob("protobuf")) {
      CompletableFuture<Throwable> running = CompletableFuture.supplyAsync(() -> {
        try (Statement s = busy.createStatement()) {
          s.executeQuery("SELECT x FROM pg.public.slow").close();
          return null;
        } catch (Throwable e) {
          return e;
        }
      });
      Statement refused = second.createStatement();
      Thread.sleep(500);
      long started = System.nanoTime();
      assertThatThrownBy(() -> refused.executeQuery("SELECT COUNT(*) FROM pg.public.numbers").close()).isInstanceOfSatisfying(SQLException.class, e -> {
        assertThat(e.getSQLState()).isEqualTo("53300");
        assertThat(e.getMessage()).contains("max_concurrent_queries_per_user");
      });
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("refused at once").isLessThan(1000);
      try (Statement s = other.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg.public.numbers")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(5000);
      }
      Throwable slowOutcome = running.get(10, TimeUnit.SECONDS);
      assertThat(slowOutcome).isInstanceOf(SQLException.class);
      assertThat(((SQLException) slowOutcome).getSQLState()).isEqualTo("57014");
      // The permit came back: the same user runs again.
      try (Statement s = second.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg.public.numbers")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(5000);
      }
    }
  }

  @Test void oneUserCannotHoldMoreConnectionsThanAllowed() throws Exception {
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        Connection c = fixture.bob("protobuf");
        c.createStatement().close(); // the remote connection opens on first use
        held.add(c);
      }
      assertThatThrownBy(() -> {
        try (Connection c = fixture.bob("protobuf")) {
          c.createStatement().close();
        }
      }).hasMessageContaining("max_connections_per_user");
    } finally {
      for (Connection c : held) {
        c.close();
      }
    }
    try (Connection c = fixture.bob("protobuf"); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg.public.numbers")) {
      rs.next();
      assertThat(rs.getInt(1)).as("closing connections gives room again").isEqualTo(5000);
    }
  }

  @Test void anIdleConnectionIsClosedOnTheServer(@TempDir Path own) throws Exception {
    try (ServerFixture f = ServerFixture.start(own, "  limits:\n    idle_connection_timeout: 1s\n",
        "sources:\n  pg:\n    kind: jdbc\n    url: " + url + "\n    user: postgres\n")) {
      Connection c = f.alice("protobuf");
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg.public.numbers")) {
        rs.next();
      }
      assertThat(f.server.openConnections()).isEqualTo(1);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (f.server.openConnections() > 0) {
        assertThat(System.nanoTime()).as("the idle connection was closed").isLessThan(deadline);
        Thread.sleep(100);
      }
      assertThatThrownBy(() -> c.createStatement().executeQuery("SELECT 1"))
          .hasMessageContaining("Connection not found");
    }
  }
}
