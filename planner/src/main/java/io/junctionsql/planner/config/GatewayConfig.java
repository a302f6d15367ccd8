package io.junctionsql.planner.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole gateway as the config file describes it.
 *
 * @param file the file it was read from (null when built in code)
 * @param sources the sources by name, in file order
 * @param server the {@code server:} section, read by the server module (null when absent)
 * @param policies the {@code policies:} list, read by the policy model ({@code security.PolicyParser}; null when absent)
 * @param queryMemory the most bytes one query may hold in Junction's own operators ({@code query-memory:})
 * @param optimizer the {@code optimizer:} section, its defaults when absent
 */
public record GatewayConfig(Path file, Map<String, SourceConfig> sources, ConfigNode server, ConfigNode policies,
    long queryMemory, OptimizerConfig optimizer) {
  /** Without {@code query-memory:}, a quarter of the heap: large, but a runaway query cannot take it all. */
  public static final long DEFAULT_QUERY_MEMORY = Runtime.getRuntime().maxMemory() / 4;
  /** Below this a query could hardly sort a page of rows; a smaller setting is a typo, not a wish. */
  public static final long MIN_QUERY_MEMORY = 1 << 10;

  public GatewayConfig {
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    optimizer = optimizer == null ? OptimizerConfig.DEFAULTS : optimizer;
  }

  public GatewayConfig(Path file, Map<String, SourceConfig> sources, ConfigNode server, ConfigNode policies) {
    this(file, sources, server, policies, DEFAULT_QUERY_MEMORY, OptimizerConfig.DEFAULTS);
  }

  public GatewayConfig(Path file, Map<String, SourceConfig> sources) {
    this(file, sources, null, null);
  }

  /** The same gateway with another {@code query-memory} limit. */
  public GatewayConfig withQueryMemory(long bytes) {
    return new GatewayConfig(file, sources, server, policies, bytes, optimizer);
  }

  /** All secrets of all sources. */
  public List<Secret> secrets() {
    List<Secret> out = new ArrayList<>();
    sources.values().forEach(s -> out.addAll(s.secrets()));
    return out;
  }
}
