package io.junctionsql.planner.source.jdbc;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.util.concurrent.UncheckedExecutionException;

import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeImpl;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;

import io.junctionsql.planner.runtime.JunctionTypeSystem;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * The source's schemas, tables, columns, keys and row counts, read lazily through
 * {@link DatabaseMetaData} and kept for {@code metadata-cache-ttl}. Shared by all connections.
 */
final class JdbcCatalog {
  private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog", "pg_toast",
      "sys", "mysql", "performance_schema");

  private final JdbcSource source;
  private final Cache<String, Object> cache;

  JdbcCatalog(JdbcSource source) {
    this.source = source;
    this.cache = CacheBuilder.newBuilder()
        .expireAfterWrite(source.config().metadataCacheTtl())
        .maximumSize(source.config().metadataCacheTtl().isZero() ? 0 : 100_000)
        .build();
  }

  /** The schemas users see, in the source's spelling. */
  List<String> schemaNames() {
    return cached("schemas", () -> {
      List<String> configured = source.config().schemas();
      if (!configured.isEmpty()) {
        return List.copyOf(configured);
      }
      return withMetadata(md -> {
        List<String> names = new ArrayList<>();
        boolean catalogs = source.info().catalogsAsSchemas();
        try (ResultSet rs = catalogs ? md.getCatalogs() : md.getSchemas()) {
          while (rs.next()) {
            String name = rs.getString(1);
            if (!isSystem(name)) {
              names.add(name);
            }
          }
        }
        return names;
      });
    });
  }

  /** The tables and views of one schema, by name, with their kind. */
  Map<String, Schema.TableType> tableNames(String schema) {
    return cached("tables:" + schema, () -> withMetadata(md -> {
      Map<String, Schema.TableType> names = new TreeMap<>();
      try (ResultSet rs = tablesOf(md, schema, "%")) {
        while (rs.next()) {
          String kind = rs.getString("TABLE_TYPE");
          if (isQueryable(kind)) {
            names.put(rs.getString("TABLE_NAME"), tableType(kind));
          }
        }
      }
      return names;
    }));
  }

  Optional<TableMetadata> table(String schema, String table) {
    Schema.TableType type = tableNames(schema).get(table);
    if (type == null) {
      return Optional.empty();
    }
    return Optional.of(cached("table:" + schema + "." + table, () -> withMetadata(md ->
        readTable(md, schema, table, type))));
  }

  private TableMetadata readTable(DatabaseMetaData md, String schema, String table, Schema.TableType type)
      throws SQLException {
    RelDataTypeFactory typeFactory = new SqlTypeFactoryImpl(JunctionTypeSystem.INSTANCE);
    RelDataTypeFactory.Builder columns = typeFactory.builder();
    List<String> names = new ArrayList<>();
    try (ResultSet rs = columnsOf(md, schema, table)) {
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
    try (ResultSet rs = primaryKeysOf(md, schema, table)) {
      while (rs.next()) {
        keyColumns.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    }
    keyColumns.values().forEach(c -> key.add(names.indexOf(c)));
    double rows = JdbcStatistics.rowCount(md.getConnection(), source.info(), schema, table);
    return new TableMetadata(schema, table, type, RelDataTypeImpl.proto(columns.build()), List.copyOf(key), rows);
  }

  private ResultSet tablesOf(DatabaseMetaData md, String schema, String pattern) throws SQLException {
    return source.info().catalogsAsSchemas()
        ? md.getTables(schema, null, pattern, null)
        : md.getTables(null, escape(md, schema), pattern, null);
  }

  private ResultSet columnsOf(DatabaseMetaData md, String schema, String table) throws SQLException {
    return source.info().catalogsAsSchemas()
        ? md.getColumns(schema, null, escape(md, table), "%")
        : md.getColumns(null, escape(md, schema), escape(md, table), "%");
  }

  private ResultSet primaryKeysOf(DatabaseMetaData md, String schema, String table) throws SQLException {
    return source.info().catalogsAsSchemas()
        ? md.getPrimaryKeys(schema, null, table)
        : md.getPrimaryKeys(null, schema, table);
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

  @SuppressWarnings("unchecked")
  private <T> T cached(String key, Callable<T> loader) {
    try {
      return (T) cache.get(key, loader);
    } catch (ExecutionException | UncheckedExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new IllegalStateException(cause);
    }
  }

  private <T> T withMetadata(MetadataReader<T> reader) {
    try (Connection c = source.metadataDataSource().getConnection()) {
      return reader.read(c.getMetaData());
    } catch (SQLException e) {
      throw new SourceFailure(e);
    }
  }

  /** Reads something from the source's metadata. */
  @FunctionalInterface
  private interface MetadataReader<T> {
    T read(DatabaseMetaData md) throws SQLException;
  }
}
