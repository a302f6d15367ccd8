package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.config.SourceConfig;
import io.junctionsql.planner.config.SourceConfigParser;
import io.junctionsql.planner.source.Source;
import io.junctionsql.planner.source.SourceProvider;

/** The {@code jdbc} source kind. */
public final class JdbcSourceProvider implements SourceProvider {
  @Override public String kind() {
    return "jdbc";
  }

  @Override public SourceConfigParser configParser() {
    return JdbcSourceConfig::parse;
  }

  @Override public Source open(SourceConfig config) {
    return new JdbcSource((JdbcSourceConfig) config, JdbcFlavor.GENERIC);
  }
}
