package io.junctionsql.server.http;

import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.server.auth.PasswordHash;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * A real {@code junction serve} on free ports of 127.0.0.1, with a users file of two users: alice (group
 * analysts) and bob (group sales). Hashes use few iterations so that tests start fast; the format and
 * the verification are the production ones.
 */
final class ServerFixture implements AutoCloseable {
  static final String ALICE_PASSWORD = "alice-Secret-1";
  static final String BOB_PASSWORD = "bob-Secret-2";

  final JunctionServer server;
  final Path config;

  private ServerFixture(JunctionServer server, Path config) {
    this.server = server;
    this.config = config;
  }

  /**
   * @param serverYaml extra keys of the {@code server:} section, indented by four spaces (may be empty)
   * @param rest the rest of the config: {@code sources:} and optionally {@code policies:}
   */
  static ServerFixture start(Path dir, String serverYaml, String rest) throws Exception {
    java.nio.file.Files.createDirectories(dir);
    GatewayFiles.write(dir, "users.yaml", "users:\n"
        + "  alice:\n    password: \"" + PasswordHash.hash(ALICE_PASSWORD.toCharArray(), 1000) + "\"\n"
        + "    groups: [analysts]\n"
        + "  bob:\n    password: \"" + PasswordHash.hash(BOB_PASSWORD.toCharArray(), 1000) + "\"\n"
        + "    groups: [sales]\n");
    String yaml = "server:\n  host: 127.0.0.1\n  port: 0\n  management_host: 127.0.0.1\n  management_port: 0\n"
        + "  auth:\n    basic:\n      users_file: users.yaml\n" + serverYaml + rest;
    Path config = GatewayFiles.write(dir, "junction.yaml", yaml);
    return new ServerFixture(JunctionServer.start(config), config);
  }

  String url(String serialization) {
    return server.jdbcUrl(serialization);
  }

  Connection connect(String serialization, String user, String password) throws SQLException {
    return connect(serialization, user, password, Map.of());
  }

  Connection connect(String serialization, String user, String password, Map<String, String> extra)
      throws SQLException {
    Properties p = new Properties();
    p.setProperty("authentication", "BASIC");
    p.setProperty("avatica_user", user);
    p.setProperty("avatica_password", password);
    extra.forEach(p::setProperty);
    return DriverManager.getConnection(url(serialization), p);
  }

  Connection alice(String serialization) throws SQLException {
    return connect(serialization, "alice", ALICE_PASSWORD);
  }

  Connection bob(String serialization) throws SQLException {
    return connect(serialization, "bob", BOB_PASSWORD);
  }

  String avaticaAddress() {
    return (server.config().tls() == null ? "http" : "https") + "://127.0.0.1:" + server.port() + "/";
  }

  String managementAddress() {
    return "http://127.0.0.1:" + server.managementPort();
  }

  @Override public void close() throws SQLException {
    server.close();
  }
}
