package io.junctionsql.planner.source.databricks;

import io.junctionsql.planner.config.ConfigException;
import io.junctionsql.planner.config.ConfigNode;
import io.junctionsql.planner.config.Secret;
import io.junctionsql.planner.config.SourceConfig;
import io.junctionsql.planner.source.jdbc.JdbcSourceConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of a {@code kind: databricks} source: a Databricks SQL warehouse reached with the official
 * driver (from {@code host} and {@code http-path}, or a full {@code url}), authenticated with a personal
 * access token or OAuth machine-to-machine credentials; or an Apache Spark thrift server
 * ({@code url: jdbc:hive2://...}).
 *
 * @param name the source's name
 * @param url the JDBC URL, built from host and http-path when not given
 * @param auth how the source logs in
 * @param catalog the Unity Catalog catalog whose schemas are shown (tables are named catalog.schema.table)
 * @param jdbc the connection settings shared with every JDBC source
 */
public record DatabricksSourceConfig(String name, String url, DatabricksAuth auth, String catalog,
    JdbcSourceConfig jdbc) implements SourceConfig {

  static final List<String> KEYS = List.of("kind", "url", "host", "port", "http-path", "catalog", "token",
      "client-id", "client-secret", "user", "password", "driver", "driver-path", "properties", "schemas",
      "metadata-cache-ttl", "fetch-size", "connect-timeout", "pool-size");
  static final String DATABRICKS_DRIVER = "com.databricks.client.jdbc.Driver";
  /** The official driver's switch from native parameters to parameters written into the SQL. */
  static final String MANY_PARAMETERS = "supportManyParameters";

  static DatabricksSourceConfig parse(String name, ConfigNode node) {
    node.allowOnly(KEYS, "a databricks source");
    String url = node.optionalString("url").orElseGet(() -> buildUrl(node));
    DatabricksAuth auth = DatabricksAuth.from(node, url);
    Map<String, String> properties = new LinkedHashMap<>(node.child("properties").stringMap());
    String catalog = node.optionalString("catalog").orElse(null);
    if (url.startsWith("jdbc:databricks:") && catalog != null) {
      properties.putIfAbsent("ConnCatalog", catalog);
    }
    if (url.startsWith("jdbc:databricks:")) {
      // The official driver sends parameters natively, and Databricks takes at most 256 per statement; a
      // semi-join reduction binds up to 1,000 keys. With this the driver writes them into the SQL as escaped
      // literals, as Hive's driver does for a Spark thrift server.
      properties.putIfAbsent(MANY_PARAMETERS, "1");
    }
    String driver = node.optionalString("driver").orElse(url.startsWith("jdbc:databricks:") ? DATABRICKS_DRIVER
        : url.startsWith("jdbc:hive2:") ? "org.apache.hive.jdbc.HiveDriver" : null);
    List<Path> driverPath = JdbcSourceConfig.driverPath(node, driver != null);
    JdbcSourceConfig jdbc = new JdbcSourceConfig(name, url, auth.user(), auth.password(), driver, properties,
        node.stringList("schemas"), node.duration("metadata-cache-ttl", JdbcSourceConfig.DEFAULT_METADATA_CACHE_TTL),
        node.intValue("fetch-size", JdbcSourceConfig.DEFAULT_FETCH_SIZE, 1, 1_000_000),
        node.duration("connect-timeout", JdbcSourceConfig.DEFAULT_CONNECT_TIMEOUT),
        node.intValue("pool-size", JdbcSourceConfig.DEFAULT_POOL_SIZE, 1, 1000), driverPath);
    return new DatabricksSourceConfig(name, url, auth, catalog, jdbc.withProperties(auth.properties()));
  }

  /** The official driver's URL for a SQL warehouse; credentials go in properties, never in the URL. */
  static String buildUrl(ConfigNode node) {
    if (!node.has("host") || !node.has("http-path")) {
      throw new ConfigException(node.path() + ": give either 'url:' or both 'host:' and 'http-path:' (from the "
          + "warehouse's Connection details in Databricks).");
    }
    String host = node.requiredString("host").replaceFirst("^https?://", "").replaceFirst("/+$", "");
    int port = node.intValue("port", 443, 1, 65535);
    return "jdbc:databricks://" + host + ":" + port + "/default;transportMode=http;ssl=1;httpPath="
        + node.requiredString("http-path");
  }

  @Override public String kind() {
    return "databricks";
  }

  @Override public List<Secret> secrets() {
    List<Secret> out = new ArrayList<>(auth.secrets());
    out.add(jdbc.password());
    return out;
  }

  /** How long connections wait before giving up, as the source was configured. */
  Duration connectTimeout() {
    return jdbc.connectTimeout();
  }
}
