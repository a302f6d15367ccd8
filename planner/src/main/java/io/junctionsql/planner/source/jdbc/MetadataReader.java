package io.junctionsql.planner.source.jdbc;

import org.apache.calcite.schema.Schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * How a JDBC-based source reads its catalog: through JDBC's metadata calls for most databases, through
 * HANA's system views for Datasphere. The source caches what it returns.
 */
public interface MetadataReader {
  /** The schemas to show, in the source's spelling. */
  List<String> schemaNames(Connection c, SourceInfo info) throws SQLException;

  /** The tables and views of a schema, with their kind. */
  Map<String, Schema.TableType> tableNames(Connection c, SourceInfo info, String schema) throws SQLException;

  /** One table's columns, key and row count. */
  TableMetadata table(Connection c, SourceInfo info, String schema, String table, Schema.TableType type)
      throws SQLException;
}
