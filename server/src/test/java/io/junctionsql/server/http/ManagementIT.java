package io.junctionsql.server.http;

import io.junctionsql.driver.fixtures.PostgresDatabases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management port: liveness, readiness that really contacts each source, Prometheus metrics that
 * count what ran, and a shutdown that lets a running query finish while refusing new work.
 */
class ManagementIT {
  @TempDir static Path dir;
  static PostgresDatabases databases;
  static String url;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll static void start() throws Exception {
    databases = new PostgresDatabases();
    url = databases.create("mgmt");
    PostgresDatabases.run(url, "CREATE TABLE public.numbers AS SELECT g AS n FROM generate_series(1, 300) g;\n"
        + "CREATE VIEW public.pause AS SELECT 1 AS x FROM pg_sleep(2);\n");
  }

  @AfterAll static void stop() throws Exception {
    databases.close();
  }

  private static HttpResponse<String> get(String address) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(address)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test void probesAndMetrics(@TempDir Path own) throws Exception {
    try (ServerFixture f = ServerFixture.start(own, "", "sources:\n  pg:\n    kind: jdbc\n    url: " + url
        + "\n    user: postgres\n")) {
      assertThat(get(f.managementAddress() + "/health/live").statusCode()).isEqualTo(200);
      HttpResponse<String> ready = get(f.managementAddress() + "/health/ready");
      assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
      assertThat(ready.body()).contains("\"pg\" : \"ok\"");
      assertThat(get(f.managementAddress() + "/nothing").statusCode()).isEqualTo(404);
      assertThat(get(f.avaticaAddress() + "health/live").statusCode()).as("probes are not on the SQL port")
          .isEqualTo(405);

      try (Connection c = f.alice("protobuf"); Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT n FROM pg.public.numbers")) {
        int rows = 0;
        while (rs.next()) {
          rows++;
        }
        assertThat(rows).isEqualTo(300);
      }
      String metrics = get(f.managementAddress() + "/metrics").body();
      assertThat(metrics).containsPattern("junction_queries_total\\{[^}]*outcome=\"ok\"[^}]*} 1\\.0")
          .containsPattern("junction_rows_sent_total(\\{[^}]*})? 300\\.0")
          .containsPattern("junction_source_statements_total\\{source=\"pg\"} [1-9]")
          .containsPattern("junction_source_rows_total\\{source=\"pg\"} 300\\.0")
          .contains("junction_query_duration_seconds_bucket")
          .contains("jvm_memory_used_bytes");
    }
  }

  @Test void readinessNamesAnUnreachableSource(@TempDir Path own) throws Exception {
    try (ServerFixture f = ServerFixture.start(own, "", "sources:\n  pg:\n    kind: jdbc\n    url: " + url
        + "\n    user: postgres\n  gone:\n    kind: jdbc\n    url: jdbc:postgresql://127.0.0.1:9/nowhere\n"
        + "    user: postgres\n")) {
      HttpResponse<String> ready = get(f.managementAddress() + "/health/ready");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).contains("\"pg\" : \"ok\"").contains("\"gone\" : \"").contains("refused");
      assertThat(get(f.managementAddress() + "/health/live").statusCode()).as("alive all the same").isEqualTo(200);
    }
  }

  @Test void shutdownDrainsARunningQueryAndRefusesNewOnes(@TempDir Path own) throws Exception {
    ServerFixture f = ServerFixture.start(own, "  shutdown_grace: 20s\n", "sources:\n  pg:\n    kind: jdbc\n"
        + "    url: " + url + "\n    user: postgres\n");
    Connection running = f.alice("protobuf");
    Connection late = f.bob("protobuf");
    try {
      Statement lateStatement = late.createStatement();
      CompletableFuture<Integer> query = CompletableFuture.supplyAsync(() -> {
        try (Statement s = running.createStatement(); ResultSet rs = s.executeQuery("SELECT x FROM pg.public.pause")) {
          rs.next();
          return rs.getInt(1);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      // Wait until the query runs on the server, then stop it.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!get(f.managementAddress() + "/metrics").body().contains("junction_queries_running 1.0")) {
        assertThat(System.nanoTime()).as("the query started").isLessThan(deadline);
        Thread.sleep(100);
      }
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
        try {
          f.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      long waitForDrain = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (get(f.managementAddress() + "/health/ready").statusCode() != 503) {
        assertThat(System.nanoTime()).as("readiness turned off").isLessThan(waitForDrain);
        Thread.sleep(50);
      }
      assertThat(get(f.managementAddress() + "/health/ready").body()).contains("draining");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> lateStatement.executeQuery("SELECT 1"))
          .isInstanceOfSatisfying(java.sql.SQLException.class,
              e -> assertThat(e.getSQLState()).isEqualTo("57P01"));
      assertThat(query.get(30, TimeUnit.SECONDS)).as("the running query finished").isEqualTo(1);
      stopping.get(30, TimeUnit.SECONDS);
    } finally {
      // The server is gone: closing tells it nothing, and may say so.
      closeQuietly(running);
      closeQuietly(late);
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (java.sql.SQLException e) {
      // expected once the server stopped
    }
  }
}
