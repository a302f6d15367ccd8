package io.junctionsql.planner.source;

import io.junctionsql.planner.config.SourceConfig;
import io.junctionsql.planner.config.SourceConfigParser;
import io.junctionsql.planner.source.databricks.DatabricksSourceProvider;
import io.junctionsql.planner.source.datasphere.DatasphereSourceProvider;
import io.junctionsql.planner.source.delta.DeltaSourceProvider;
import io.junctionsql.planner.source.jdbc.JdbcSourceProvider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The source kinds this build offers. */
public final class SourceKinds {
  private static final List<SourceProvider> PROVIDERS = List.of(new JdbcSourceProvider(), new DeltaSourceProvider(),
      new DatasphereSourceProvider(), new DatabricksSourceProvider());

  private SourceKinds() {
  }

  public static Map<String, SourceConfigParser> parsers() {
    Map<String, SourceConfigParser> out = new LinkedHashMap<>();
    PROVIDERS.forEach(p -> out.put(p.kind(), p.configParser()));
    return out;
  }

  public static Source open(SourceConfig config) {
    for (SourceProvider p : PROVIDERS) {
      if (p.kind().equals(config.kind())) {
        return p.open(config);
      }
    }
    throw new IllegalArgumentException("no provider for kind " + config.kind());
  }
}
