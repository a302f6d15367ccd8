package io.junctionsql.driver.databricks;

import io.junctionsql.driver.fixtures.GatewayFiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The official Databricks driver, as configured by a databricks source. It talks only to Databricks,
 * so no query runs through it here: the test points it at a local port nothing listens on and checks
 * that the failure names the source, says what to fix, comes quickly, and never shows the token.
 */
class DatabricksDriverIT {
  @TempDir Path dir;

  @Test void refusedConnectionIsReportedWithoutTheToken() throws Exception {
    String token = "dapi" + UUID.randomUUID().toString().replace("-", "");
    Files.writeString(dir.resolve("token"), token);
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path config = GatewayFiles.write(dir, "dbx.yaml", "sources:\n  lake:\n    kind: databricks\n"
        + "    host: 127.0.0.1\n    port: " + port + "\n    http-path: /sql/1.0/warehouses/abc\n"
        + "    token: ${file:token}\n    connect-timeout: 5s\n");
    long start = System.nanoTime();
    SQLException e = catchThrowableOfType(SQLException.class, () -> {
      try (Connection c = GatewayFiles.connect(config); Statement s = c.createStatement()) {
        s.executeQuery("SELECT * FROM lake.sales.orders");
      }
    });
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    assertThat(seconds).as("failed fast, no hang").isLessThan(120);
    assertThat(e.getMessage()).contains("Source 'lake'");
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t).append('\n');
    }
    assertThat(all.toString()).doesNotContain(token);
    assertThat(e.getSQLState()).isNotNull();
  }
}
