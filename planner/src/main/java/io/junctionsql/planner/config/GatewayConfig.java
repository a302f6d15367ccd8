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
 */
public record GatewayConfig(Path file, Map<String, SourceConfig> sources) {
  public GatewayConfig {
    sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
  }

  /** All secrets of all sources. */
  public List<Secret> secrets() {
    List<Secret> out = new ArrayList<>();
    sources.values().forEach(s -> out.addAll(s.secrets()));
    return out;
  }
}
