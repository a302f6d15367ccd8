package io.junctionsql.planner.source.databricks;

import io.junctionsql.planner.config.SourceConfig;
import io.junctionsql.planner.config.SourceConfigParser;
import io.junctionsql.planner.source.Source;
import io.junctionsql.planner.source.SourceProvider;
import io.junctionsql.planner.source.jdbc.JdbcSource;

/** The {@code databricks} source kind: a JDBC source with Spark SQL and the warehouse's credentials. */
public final class DatabricksSourceProvider implements SourceProvider {
  @Override public String kind() {
    return "databricks";
  }

  @Override public SourceConfigParser configParser() {
    return DatabricksSourceConfig::parse;
  }

  @Override public Source open(SourceConfig config) {
    DatabricksSourceConfig c = (DatabricksSourceConfig) config;
    return new JdbcSource(c.jdbc(), new DatabricksFlavor(c));
  }
}
