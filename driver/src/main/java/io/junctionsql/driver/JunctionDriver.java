package io.junctionsql.driver;

import io.junctionsql.planner.JunctionException;
import io.junctionsql.planner.SqlStates;
import io.junctionsql.planner.config.ByteSizes;
import io.junctionsql.planner.config.OptimizerConfig;
import io.junctionsql.planner.runtime.GatewayConnection;
import io.junctionsql.planner.security.Identity;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The embedded Junction driver: {@code jdbc:junction:config=/path/to/junction.yaml}. The config path
 * may instead come as the connection property {@code config}. Runs the planner in this JVM.
 */
public final class JunctionDriver implements Driver {
  public static final String PREFIX = "jdbc:junction:";
  public static final String CONFIG_PROPERTY = "config";
  /** Lowers the gateway's {@code query-memory} for one connection (never raises it). */
  public static final String QUERY_MEMORY_PROPERTY = "query-memory";
  static final int MAJOR = 0;
  static final int MINOR = 1;

  private static final GatewayRegistry GATEWAYS = new GatewayRegistry();

  static {
    try {
      DriverManager.registerDriver(new JunctionDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Override public boolean acceptsURL(String url) {
    return url != null && url.startsWith(PREFIX);
  }

  @Override public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null; // JDBC: another driver's URL
    }
    Properties props = parse(url, info);
    String user = props.getProperty("user");
    return open(props, user == null || user.isBlank() ? Identity.EMBEDDED : new Identity(user, Set.of()),
        SessionLimits.NONE);
  }

  /**
   * Opens a connection that runs for an identity someone else authenticated: the server's way in. The
   * identity is never read from the properties here, so a remote client cannot choose it.
   */
  public static Connection connect(String url, Properties info, Identity identity, SessionLimits limits)
      throws SQLException {
    if (url == null || !url.startsWith(PREFIX)) {
      throw new SQLException("Not a Junction URL: " + url, SqlStates.CONFIG_ERROR);
    }
    return open(parse(url, info), identity, limits);
  }

  private static Connection open(Properties props, Identity identity, SessionLimits limits) throws SQLException {
    String config = props.getProperty(CONFIG_PROPERTY);
    if (config == null || config.isBlank()) {
      throw new SQLException("No gateway config given. Use jdbc:junction:config=/path/to/junction.yaml "
          + "or pass the connection property 'config'.", SqlStates.CONFIG_ERROR);
    }
    long queryMemory = queryMemory(props);
    GatewayRegistry.Entry entry;
    try {
      entry = GATEWAYS.acquire(Path.of(config));
    } catch (JunctionException e) {
      throw new SQLException(e.getMessage(), e.sqlState());
    } catch (RuntimeException e) {
      throw new SQLException("Cannot open the gateway of " + config + ": " + e.getMessage(), SqlStates.CONFIG_ERROR);
    }
    try {
      GatewayConnection engine = entry.gateway.connect(identity,
          props.getProperty(OptimizerConfig.CROSS_SOURCE_PROPERTY),
          props.getProperty(OptimizerConfig.PARALLEL_READS_PROPERTY));
      engine.lowerQueryMemory(queryMemory);
      ConnectionBoundary handler = new ConnectionBoundary(engine, entry.gateway.errors(), limits,
          () -> GATEWAYS.release(entry));
      Connection proxy = (Connection) Boundary.wrap(JunctionConnection.class, handler);
      handler.bind(proxy);
      return proxy;
    } catch (SQLException | RuntimeException e) {
      GATEWAYS.release(entry);
      throw entry.gateway.errors().translate(e);
    }
  }

  /** The connection's own {@code query-memory}, or no limit of its own if it sets none. */
  private static long queryMemory(Properties props) throws SQLException {
    String text = props.getProperty(QUERY_MEMORY_PROPERTY);
    if (text == null || text.isBlank()) {
      return Long.MAX_VALUE;
    }
    return ByteSizes.parse(text).orElseThrow(() -> new SQLException("Connection property " + QUERY_MEMORY_PROPERTY
        + ": '" + text + "' is not a size; write for example 256MiB or 1GiB.", SqlStates.CONFIG_ERROR));
  }

  /** URL properties ({@code key=value} separated by {@code ;}) win over the given properties. */
  static Properties parse(String url, Properties info) {
    Properties props = new Properties();
    if (info != null) {
      props.putAll(info);
    }
    String rest = url.substring(PREFIX.length());
    for (String part : rest.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq < 0) {
        props.setProperty(CONFIG_PROPERTY, part.trim());
      } else {
        props.setProperty(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
      }
    }
    return props;
  }

  @Override public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    Properties props = parse(url == null ? PREFIX : url, info);
    DriverPropertyInfo config = new DriverPropertyInfo(CONFIG_PROPERTY, props.getProperty(CONFIG_PROPERTY));
    config.required = true;
    config.description = "Path of the gateway's YAML config file";
    DriverPropertyInfo memory = new DriverPropertyInfo(QUERY_MEMORY_PROPERTY, props.getProperty(QUERY_MEMORY_PROPERTY));
    memory.description = "The most one query may hold in Junction's joins, sorts and groupings (such as 256MiB); "
        + "lowers the gateway's query-memory, never raises it";
    return new DriverPropertyInfo[] {config, memory};
  }

  @Override public int getMajorVersion() {
    return MAJOR;
  }

  @Override public int getMinorVersion() {
    return MINOR;
  }

  @Override public boolean jdbcCompliant() {
    return false;
  }

  @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("Junction logs through SLF4J");
  }
}
