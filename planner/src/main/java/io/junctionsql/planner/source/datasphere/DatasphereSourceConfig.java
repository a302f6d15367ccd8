package io.junctionsql.planner.source.datasphere;

import io.junctionsql.planner.config.ConfigNode;
import io.junctionsql.planner.config.Secret;
import io.junctionsql.planner.config.SourceConfig;
import io.junctionsql.planner.source.jdbc.JdbcSourceConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of a {@code kind: datasphere} source, with secure defaults: TLS on and the server
 * certificate checked, unless the URL says otherwise.
 *
 * @param name the source's name
 * @param url the HANA JDBC URL ({@code jdbc:sap://<host>:443/})
 * @param user the space's database user ({@code SPACE#SUFFIX})
 * @param password its password
 * @param space the space schema whose exposed views are shown
 * @param semantics CSN files or folders describing the space's views
 * @param semanticsMode what the semantic rules do: {@code strict} refuses, {@code warn} warns, {@code off}
 * @param properties extra driver properties
 * @param metadataCacheTtl how long the view list, columns and statistics are kept
 * @param fetchSize rows fetched per round trip
 * @param connectTimeout how long to wait for a connection and login
 * @param poolSize the most connections to the space
 */
public record DatasphereSourceConfig(String name, String url, String user, Secret password, String space,
    List<Path> semantics, String semanticsMode, Map<String, String> properties, Duration metadataCacheTtl,
    int fetchSize, Duration connectTimeout, int poolSize) implements SourceConfig {

  static final List<String> KEYS = List.of("kind", "url", "user", "password", "space", "semantics", "semantics-mode",
      "properties", "metadata-cache-ttl", "fetch-size", "connect-timeout", "pool-size");
  public static final int DEFAULT_FETCH_SIZE = 5000;
  public static final List<String> MODES = List.of("strict", "warn", "off");

  static DatasphereSourceConfig parse(String name, ConfigNode node) {
    node.allowOnly(KEYS, "a datasphere source");
    String url = node.requiredString("url");
    Map<String, String> properties = new LinkedHashMap<>(node.child("properties").stringMap());
    if (url.startsWith("jdbc:sap:")) {
      // Datasphere is reached over the internet: encrypt and check the certificate unless told otherwise.
      if (!url.contains("encrypt=") && !properties.containsKey("encrypt")) {
        properties.put("encrypt", "true");
      }
      if (!url.contains("validateCertificate=") && !properties.containsKey("validateCertificate")) {
        properties.put("validateCertificate", "true");
      }
      // CONVERT_CURRENCY reads the conversion tables from the current schema: the space.
      properties.putIfAbsent("currentschema", node.requiredString("space"));
    }
    return new DatasphereSourceConfig(name, url, node.optionalString("user").orElse(""), node.secret("password"),
        node.requiredString("space"), node.paths("semantics"),
        node.choice("semantics-mode", "strict", MODES), properties,
        node.duration("metadata-cache-ttl", JdbcSourceConfig.DEFAULT_METADATA_CACHE_TTL),
        node.intValue("fetch-size", DEFAULT_FETCH_SIZE, 1, 1_000_000),
        node.duration("connect-timeout", JdbcSourceConfig.DEFAULT_CONNECT_TIMEOUT),
        node.intValue("pool-size", JdbcSourceConfig.DEFAULT_POOL_SIZE, 1, 1000));
  }

  /** The connection settings, as for any JDBC source: one schema, the space. */
  JdbcSourceConfig jdbc() {
    return new JdbcSourceConfig(name, url, user, password, null, properties, List.of(space), metadataCacheTtl,
        fetchSize, connectTimeout, poolSize, List.of());
  }

  @Override public String kind() {
    return "datasphere";
  }

  @Override public List<Secret> secrets() {
    return List.of(password);
  }
}
