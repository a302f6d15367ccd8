package io.junctionsql.planner;

import io.junctionsql.planner.config.ConfigLoader;
import io.junctionsql.planner.config.GatewayConfig;
import io.junctionsql.planner.runtime.ErrorTranslator;
import io.junctionsql.planner.runtime.GatewayConnection;
import io.junctionsql.planner.runtime.Redactor;
import io.junctionsql.planner.security.Identity;
import io.junctionsql.planner.security.Policies;
import io.junctionsql.planner.security.PolicyParser;
import io.junctionsql.planner.source.Source;
import io.junctionsql.planner.source.SourceKinds;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A running gateway: the sources of one config, opened once and shared by every connection. Opening a
 * gateway contacts no source; each is reached when a query first needs it.
 */
public final class Gateway implements AutoCloseable {
  private final GatewayConfig config;
  private final Map<String, Source> sources;
  private final Redactor redactor;
  private final ErrorTranslator errors;
  private final Policies policies;

  private Gateway(GatewayConfig config) {
    this.config = config;
    // Read before any source opens: a wrong rule stops the gateway instead of granting too much.
    this.policies = PolicyParser.parse(config.policies(), config.sources().keySet());
    Map<String, Source> opened = new LinkedHashMap<>();
    config.sources().forEach((name, sourceConfig) -> opened.put(name, SourceKinds.open(sourceConfig)));
    this.sources = Collections.unmodifiableMap(opened);
    this.redactor = new Redactor(config.secrets());
    this.errors = new ErrorTranslator(redactor);
  }

  /** Reads, validates and opens the gateway described by a YAML file. */
  public static Gateway open(Path configFile) {
    return open(new ConfigLoader(SourceKinds.parsers(), System.getenv()).load(configFile));
  }

  public static Gateway open(GatewayConfig config) {
    return new Gateway(config);
  }

  public GatewayConfig config() {
    return config;
  }

  public Map<String, Source> sources() {
    return sources;
  }

  /** Who may read what; {@link Policies#NONE} when the config has no {@code policies:} section. */
  public Policies policies() {
    return policies;
  }

  public Redactor redactor() {
    return redactor;
  }

  public ErrorTranslator errors() {
    return errors;
  }

  /** A new engine connection with every source mounted as a top-level schema. */
  public GatewayConnection connect() throws SQLException {
    return connect(Identity.EMBEDDED);
  }

  /** A new engine connection that runs for the given identity. */
  public GatewayConnection connect(Identity identity) throws SQLException {
    return GatewayConnection.open(this, identity);
  }

  /**
   * A new engine connection for the given identity whose connection properties may switch cross-source
   * optimizations off ({@value io.junctionsql.planner.config.OptimizerConfig#CROSS_SOURCE_PROPERTY}).
   */
  public GatewayConnection connect(Identity identity, String crossSourceProperty) throws SQLException {
    return connect(identity, crossSourceProperty, null);
  }

  /**
   * A new engine connection whose connection properties may also set how many source reads of one query
   * run at once ({@value io.junctionsql.planner.config.OptimizerConfig#PARALLEL_READS_PROPERTY}); null
   * properties keep the gateway's settings.
   */
  public GatewayConnection connect(Identity identity, String crossSourceProperty, String parallelReadsProperty)
      throws SQLException {
    return GatewayConnection.open(this, identity, config.optimizer().withConnectionProperty(crossSourceProperty)
        .withParallelReadsProperty(parallelReadsProperty));
  }

  @Override public void close() {
    sources.values().forEach(Source::close);
  }
}
