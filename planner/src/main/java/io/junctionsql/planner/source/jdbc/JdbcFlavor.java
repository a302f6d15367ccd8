package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.dialect.JunctionDialects;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * What makes one kind of JDBC-based source different from another: its kind name, how it reads its
 * catalog, and how it inspects the database (product, dialect, description). The connection pool,
 * caching, statistics and pushdown are shared.
 */
public interface JdbcFlavor {
  String kind();

  MetadataReader metadataReader();

  SourceInfo inspect(Connection c) throws SQLException;

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
