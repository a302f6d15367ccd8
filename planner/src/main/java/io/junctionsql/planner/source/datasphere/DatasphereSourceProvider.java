package io.junctionsql.planner.source.datasphere;

import io.junctionsql.planner.config.SourceConfig;
import io.junctionsql.planner.config.SourceConfigParser;
import io.junctionsql.planner.source.Source;
import io.junctionsql.planner.source.SourceProvider;
import io.junctionsql.planner.source.jdbc.JdbcSource;

/** The {@code datasphere} source kind: a JDBC source with HANA's dialect and catalog. */
public final class DatasphereSourceProvider implements SourceProvider {
  @Override public String kind() {
    return "datasphere";
  }

  @Override public SourceConfigParser configParser() {
    return DatasphereSourceConfig::parse;
  }

  @Override public Source open(SourceConfig config) {
    DatasphereSourceConfig c = (DatasphereSourceConfig) config;
    return new JdbcSource(c.jdbc(), new DatasphereFlavor(c));
  }
}
