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
 * @param optimizer the {@code optimizer:} section, its defaults when absent
 */
public record GatewayConfig(Path file, Map<String, SourceConfig> sources, ConfigNode server, ConfigNode policies,
    OptimizerConfig optimizer) {
  public GatewayConfig {
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    optimizer = optimizer == null ? OptimizerConfig.DEFAULTS : optimizer;
  }

  public GatewayConfig(Path file, Map<String, SourceConfig> sources, ConfigNode server, ConfigNode policies) {
    this(file, sources, server, policies, OptimizerConfig.DEFAULTS);
  }

  public GatewayConfig(Path file, Map<String, SourceConfig> sources) {
    this(file, sources, null, null);
  }

  /** All secrets of all sources. */
  public List<Secret> secrets() {
    List<Secret> out = new ArrayList<>();
    sources.values().forEach(s -> out.addAll(s.secrets()));
    return out;
  }
}
