package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.dialect.JunctionDialects;
import io.junctionsql.planner.semantic.SemanticModel;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * What makes one kind of JDBC-based source different from another: its kind name, how it reads its
 * catalog, and how it inspects the database (product, dialect, description). The connection pool,
 * caching, statistics and pushdown are shared.
 */
public interface JdbcFlavor {
  String kind();

  MetadataReader metadataReader();

  SourceInfo inspect(Connection c) throws SQLException;

  /**
   * Whether connections take the read-only, no-autocommit settings that make PostgreSQL stream results.
   * Spark's and Databricks' drivers refuse them.
   */
  default boolean transactional() {
    return true;
  }

  /** What the source knows about the meaning of its tables; empty for most databases. */
  default SemanticModel semantics() {
    return SemanticModel.EMPTY;
  }

  /** What the semantic rules do for this source: {@code strict}, {@code warn} or {@code off}. */
  default String semanticsMode() {
    return "off";
  }

  /** The name a table is written with in the source's SQL. */
  default List<String> remoteName(String schema, String table) {
    return List.of(schema, table);
  }

  /** Any database, as JDBC's own metadata describes it. */
  JdbcFlavor GENERIC = new JdbcFlavor() {
    private final MetadataReader reader = new JdbcMetadataReader();

    @Override public String kind() {
      return "jdbc";
    }

    @Override public MetadataReader metadataReader() {
      return reader;
    }

    @Override public SourceInfo inspect(Connection c) throws SQLException {
      DatabaseMetaData md = c.getMetaData();
      return new SourceInfo(md.getDatabaseProductName(), md.getDatabaseProductVersion(),
          JunctionDialects.forMetaData(md), !md.supportsSchemasInTableDefinitions(),
          md.getDatabaseProductName() + " " + md.getDatabaseProductVersion());
    }
  };
}
