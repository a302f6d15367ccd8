package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.runtime.JunctionTypeSystem;

import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeImpl;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads a source's catalog through JDBC's {@link DatabaseMetaData}: what any database offers. */
public final class JdbcMetadataReader implements MetadataReader {
  private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog", "pg_toast",
      "sys", "mysql", "performance_schema");

  @Override public List<String> schemaNames(Connection c, SourceInfo info) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    List<String> names = new ArrayList<>();
    try (ResultSet rs = info.catalogsAsSchemas() ? md.getCatalogs() : md.getSchemas()) {
      while (rs.next()) {
        String name = rs.getString(1);
        if (!isSystem(name)) {
          names.add(name);
        }
      }
    }
    return names;
  }

  @Override public Map<String, Schema.TableType> tableNames(Connection c, SourceInfo info, String schema)
      throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    Map<String, Schema.TableType> names = new TreeMap<>();
    try (ResultSet rs = info.catalogsAsSchemas()
        ? md.getTables(schema, null, "%", null)
        : md.getTables(null, escape(md, schema), "%", null)) {
      while (rs.next()) {
        String kind = rs.getString("TABLE_TYPE");
        if (isQueryable(kind)) {
          names.put(rs.getString("TABLE_NAME"), tableType(kind));
        }
      }
    }
    return names;
  }

  @Override public TableMetadata table(Connection c, SourceInfo info, String schema, String table,
      Schema.TableType type) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    RelDataTypeFactory typeFactory = new SqlTypeFactoryImpl(JunctionTypeSystem.INSTANCE);
    RelDataTypeFactory.Builder columns = typeFactory.builder();
    List<String> names = new ArrayList<>();
    try (ResultSet rs = info.catalogsAsSchemas()
        ? md.getColumns(schema, null, escape(md, table), "%")
        : md.getColumns(null, escape(md, schema), escape(md, table), "%")) {
      while (rs.next()) {
        String name = rs.getString("COLUMN_NAME");
        int size = rs.getInt("COLUMN_SIZE");
        int digits = rs.getInt("DECIMAL_DIGITS");
        boolean nullable = rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
        columns.add(name, JdbcTypes.toType(typeFactory, rs.getInt("DATA_TYPE"), size, digits)).nullable(nullable);
        names.add(name);
      }
    }
    List<Integer> key = new ArrayList<>();
    Map<Short, String> keyColumns = new TreeMap<>();
    try (ResultSet rs = info.catalogsAsSchemas()
        ? md.getPrimaryKeys(schema, null, table)
        : md.getPrimaryKeys(null, schema, table)) {
      while (rs.next()) {
        keyColumns.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    }
    keyColumns.values().forEach(col -> key.add(names.indexOf(col)));
    OptionalDouble counted = JdbcStatistics.rowCount(c, info, schema, table);
    double rows = counted.orElse(JdbcStatistics.COUNT_LIMIT);
    return new TableMetadata(schema, table, type, RelDataTypeImpl.proto(columns.build()), List.copyOf(key), rows,
        Optional.empty(), JdbcStatistics.distinctValues(c, info, schema, table, rows), counted.isEmpty());
  }

  /** Metadata calls take patterns: a '_' in a real name must not match any character. */
  private static String escape(DatabaseMetaData md, String name) throws SQLException {
    String escape = md.getSearchStringEscape();
    if (escape == null || escape.isEmpty()) {
      return name;
    }
    return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
  }

  /** Tables and views; not the indexes, sequences and types some drivers list with them. */
  private static boolean isQueryable(String jdbcType) {
    if (jdbcType == null) {
      return true;
    }
    String t = jdbcType.toUpperCase(Locale.ROOT);
    return (t.contains("TABLE") || t.contains("VIEW") || t.equals("SYNONYM"))
        && !t.contains("INDEX") && !t.contains("SYSTEM") && !t.contains("TEMPORARY");
  }

  private static Schema.TableType tableType(String jdbcType) {
    if (jdbcType == null) {
      return Schema.TableType.TABLE;
    }
    String t = jdbcType.toUpperCase(Locale.ROOT);
    if (t.contains("VIEW")) {
      return t.contains("MATERIALIZED") ? Schema.TableType.MATERIALIZED_VIEW : Schema.TableType.VIEW;
    }
    return t.contains("SYSTEM") ? Schema.TableType.SYSTEM_TABLE : Schema.TableType.TABLE;
  }

  private static boolean isSystem(String schema) {
    String s = schema.toLowerCase(Locale.ROOT);
    return SYSTEM_SCHEMAS.contains(s) || s.startsWith("pg_temp") || s.startsWith("pg_toast");
  }
}
