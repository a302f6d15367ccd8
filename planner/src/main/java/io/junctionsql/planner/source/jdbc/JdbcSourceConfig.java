package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.config.ConfigException;
import io.junctionsql.planner.config.ConfigNode;
import io.junctionsql.planner.config.Secret;
import io.junctionsql.planner.config.SourceConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Settings of a {@code kind: jdbc} source, with their defaults.
 *
 * @param name the source's name
 * @param url the JDBC URL
 * @param user the login (may be empty for embedded databases)
 * @param password the password
 * @param driver the driver class, when the URL alone does not find it
 * @param properties extra driver properties
 * @param schemas the source schemas to show; empty shows all but system schemas
 * @param metadataCacheTtl how long table lists, columns and statistics are kept
 * @param fetchSize rows fetched per round trip from the source
 * @param connectTimeout how long to wait for a connection before giving up
 * @param poolSize the most connections Junction opens to this source
 * @param driverPath jars holding the driver, loaded in a class loader of their own (for drivers that
 *     bundle libraries which would clash with Junction's); empty to find the driver on the class path
 * @param userCredentials the logins of users who read with their own database login instead of {@code user}
 */
public record JdbcSourceConfig(
    String name,
    String url,
    String user,
    Secret password,
    String driver,
    Map<String, String> properties,
    List<String> schemas,
    Duration metadataCacheTtl,
    int fetchSize,
    Duration connectTimeout,
    int poolSize,
    List<Path> driverPath,
    UserCredentials userCredentials) implements SourceConfig {

  static final List<String> KEYS = List.of("kind", "url", "user", "password", "driver", "driver-path", "properties",
      "schemas", "metadata-cache-ttl", "fetch-size", "connect-timeout", "pool-size", UserCredentials.KEY,
      UserCredentials.REQUIRED_KEY);

  public static final Duration DEFAULT_METADATA_CACHE_TTL = Duration.ofMinutes(10);
  public static final int DEFAULT_FETCH_SIZE = 1000;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_POOL_SIZE = 8;

  /** Settings where every user reads with the one service login (the kinds that build on this one). */
  public JdbcSourceConfig(String name, String url, String user, Secret password, String driver,
      Map<String, String> properties, List<String> schemas, Duration metadataCacheTtl, int fetchSize,
      Duration connectTimeout, int poolSize, List<Path> driverPath) {
    this(name, url, user, password, driver, properties, schemas, metadataCacheTtl, fetchSize, connectTimeout, poolSize,
        driverPath, UserCredentials.NONE);
  }

  static JdbcSourceConfig parse(String name, ConfigNode node) {
    node.allowOnly(KEYS, "a jdbc source");
    String url = node.requiredString("url");
    if (!url.startsWith("jdbc:")) {
      throw new ConfigException(node.pathOf("url") + ": '" + url.replaceAll("(?i)password=[^;&]*", "password=****")
          + "' is not a JDBC URL; it must start with jdbc:, for example jdbc:postgresql://host:5432/db.");
    }
    return new JdbcSourceConfig(name, url,
        node.optionalString("user").orElse(""),
        node.secret("password"),
        node.optionalString("driver").orElse(null),
        node.child("properties").stringMap(),
        node.stringList("schemas"),
        node.duration("metadata-cache-ttl", DEFAULT_METADATA_CACHE_TTL),
        node.intValue("fetch-size", DEFAULT_FETCH_SIZE, 1, 1_000_000),
        node.duration("connect-timeout", DEFAULT_CONNECT_TIMEOUT),
        node.intValue("pool-size", DEFAULT_POOL_SIZE, 1, 1000),
        driverPath(node, node.has("driver")),
        UserCredentials.parse(node));
  }

  /** Driver jars; a driver loaded from them must be named, since no service file is searched there. */
  public static List<Path> driverPath(ConfigNode node, boolean driverNamed) {
    List<Path> jars = node.paths("driver-path");
    if (!jars.isEmpty() && !driverNamed) {
      throw new ConfigException(node.pathOf("driver") + ": missing. With driver-path, name the driver class, "
          + "for example org.apache.hive.jdbc.HiveDriver.");
    }
    for (Path jar : jars) {
      if (!java.nio.file.Files.isReadable(jar)) {
        throw new ConfigException(node.pathOf("driver-path") + ": cannot read " + jar + ". Check the path.");
      }
    }
    return jars;
  }

  /** The same settings with more driver properties. */
  public JdbcSourceConfig withProperties(Map<String, String> more) {
    Map<String, String> all = new java.util.LinkedHashMap<>(properties);
    all.putAll(more);
    return new JdbcSourceConfig(name, url, user, password, driver, all, schemas, metadataCacheTtl, fetchSize,
        connectTimeout, poolSize, driverPath, userCredentials);
  }

  /** The service login: metadata, statistics, and users without a mapping. */
  public SourceLogin serviceLogin() {
    return new SourceLogin(user, password, null);
  }

  @Override public String kind() {
    return "jdbc";
  }

  @Override public List<Secret> secrets() {
    List<Secret> out = new ArrayList<>(userCredentials.secrets());
    out.add(password);
    return out;
  }
}
