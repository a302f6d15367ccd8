package io.junctionsql.tck;

import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.server.auth.PasswordHash;
import io.junctionsql.server.http.JunctionServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * The three ways into one gateway: the embedded driver, and a {@code junction serve} on 127.0.0.1
 * (started here, over the same config) spoken to with Avatica's protobuf and JSON serializations.
 */
final class WaysIn implements AutoCloseable {
  static final List<String> ALL = List.of("embedded", "remote-protobuf", "remote-json");
  private static final String PASSWORD = "tck-password";

  private final Path config;
  private final JunctionServer server;

  /** @param gatewayYaml the config's {@code sources:} (and optionally {@code policies:}) */
  WaysIn(Path dir, String gatewayYaml) throws Exception {
    Files.createDirectories(dir);
    GatewayFiles.write(dir, "users.yaml", "users:\n  tck:\n    password: \""
        + PasswordHash.hash(PASSWORD.toCharArray(), 1000) + "\"\n");
    config = GatewayFiles.write(dir, "junction.yaml", "server:\n  host: 127.0.0.1\n  port: 0\n"
        + "  management_host: 127.0.0.1\n  management_port: 0\n  auth:\n    basic:\n      users_file: users.yaml\n"
        + gatewayYaml);
    server = JunctionServer.start(config);
  }

  Connection connect(String way) throws SQLException {
    switch (way) {
    case "embedded":
      return DriverManager.getConnection("jdbc:junction:config=" + config);
    case "remote-protobuf":
    case "remote-json":
      Properties p = new Properties();
      p.setProperty("authentication", "BASIC");
      p.setProperty("avatica_user", "tck");
      p.setProperty("avatica_password", PASSWORD);
      return DriverManager.getConnection(server.jdbcUrl(way.substring("remote-".length())), p);
    default:
      throw new IllegalArgumentException(way);
    }
  }

  static boolean remote(String way) {
    return way.startsWith("remote-");
  }

  @Override public void close() throws SQLException {
    server.close();
  }
}
