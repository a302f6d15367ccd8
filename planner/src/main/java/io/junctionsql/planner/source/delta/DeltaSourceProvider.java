package io.junctionsql.planner.source.delta;

import io.junctionsql.planner.config.SourceConfig;
import io.junctionsql.planner.config.SourceConfigParser;
import io.junctionsql.planner.source.Source;
import io.junctionsql.planner.source.SourceProvider;

/** The {@code delta} source kind. */
public final class DeltaSourceProvider implements SourceProvider {
  @Override public String kind() {
    return "delta";
  }

  @Override public SourceConfigParser configParser() {
    return DeltaSourceConfig::parse;
  }

  @Override public Source open(SourceConfig config) {
    return new DeltaSource((DeltaSourceConfig) config);
  }
}
