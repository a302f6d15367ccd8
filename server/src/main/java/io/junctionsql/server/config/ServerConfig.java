package io.junctionsql.server.config;

import io.junctionsql.planner.config.ConfigException;
import io.junctionsql.planner.config.ConfigNode;
import io.junctionsql.planner.config.GatewayConfig;

import java.time.Duration;
import java.util.List;

/**
 * How {@code junction serve} listens: the Avatica port (protobuf and JSON on one port), the management
 * port (health and metrics, never exposed outside the cluster), TLS, authentication, limits and how long
 * a shutdown waits for running queries.
 *
 * @param auth the {@code server.auth} section, read by the authentication package
 * @param behindProxy whether a proxy in front sets {@code X-Forwarded-For} (and its kin): then the client
 *     address, which the login throttle and the audit log use, is read from those headers
 */
public record ServerConfig(String host, int port, String managementHost, int managementPort, TlsConfig tls,
    ConfigNode auth, LimitsConfig limits, Duration shutdownGrace, boolean behindProxy) {

  public static final int DEFAULT_PORT = 8765;
  public static final int DEFAULT_MANAGEMENT_PORT = 8766;

  public static ServerConfig of(GatewayConfig gateway) {
    ConfigNode node = gateway.server();
    if (node == null) {
      throw new ConfigException("server: missing. junction serve needs a 'server:' section; the smallest one is\n"
          + "server:\n  port: 8765\n  auth:\n    basic:\n      users_file: users.yaml");
    }
    node.allowOnly(List.of("host", "port", "management_host", "management_port", "tls", "auth", "limits",
        "shutdown_grace", "behind_proxy"), "server");
    int port = node.intValue("port", DEFAULT_PORT, 0, 65535);
    int management = node.intValue("management_port", DEFAULT_MANAGEMENT_PORT, 0, 65535);
    if (port != 0 && port == management) {
      throw new ConfigException(node.pathOf("management_port") + ": must differ from server.port (" + port + ").");
    }
    return new ServerConfig(
        node.optionalString("host").orElse("0.0.0.0"),
        port,
        node.optionalString("management_host").orElse("0.0.0.0"),
        management,
        node.has("tls") ? TlsConfig.parse(node.child("tls")) : null,
        node.child("auth"),
        LimitsConfig.parse(node.child("limits")),
        node.duration("shutdown_grace", Duration.ofSeconds(30)),
        node.booleanValue("behind_proxy", false));
  }
}
