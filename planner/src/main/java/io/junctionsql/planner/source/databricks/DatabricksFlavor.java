package io.junctionsql.planner.source.databricks;

import io.junctionsql.planner.source.jdbc.JdbcFlavor;
import io.junctionsql.planner.source.jdbc.MetadataReader;
import io.junctionsql.planner.source.jdbc.SourceInfo;

import io.junctionsql.planner.dialect.DatabricksSqlDialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * A Databricks SQL warehouse or a Spark thrift server: Spark SQL, the catalog through JDBC metadata
 * and Unity Catalog's information_schema, and, when a catalog is configured, three-part table names.
 */
final class DatabricksFlavor implements JdbcFlavor {
  private final DatabricksSourceConfig config;
  private final MetadataReader reader;

  DatabricksFlavor(DatabricksSourceConfig config) {
    this.config = config;
    this.reader = new UnityCatalogMetadataReader(config.name(), config.catalog());
  }

  @Override public String kind() {
    return "databricks";
  }

  @Override public MetadataReader metadataReader() {
    return reader;
  }

  @Override public SourceInfo inspect(Connection c) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    String what = config.url().startsWith("jdbc:hive2:") ? "Apache Spark thrift server" : "Databricks SQL";
    return new SourceInfo(md.getDatabaseProductName(), md.getDatabaseProductVersion(), DatabricksSqlDialect.DEFAULT,
        false, what + " (" + md.getDatabaseProductName() + " " + md.getDatabaseProductVersion() + ")");
  }

  @Override public boolean transactional() {
    return false;
  }

  @Override public List<String> remoteName(String schema, String table) {
    return config.catalog() == null ? List.of(schema, table) : List.of(config.catalog(), schema, table);
  }
}
