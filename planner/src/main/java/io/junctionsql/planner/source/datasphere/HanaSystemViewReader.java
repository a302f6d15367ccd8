package io.junctionsql.planner.source.datasphere;

import io.junctionsql.planner.runtime.JunctionTypeSystem;
import io.junctionsql.planner.semantic.SemanticModel;
import io.junctionsql.planner.semantic.SemanticValidation;
import io.junctionsql.planner.source.jdbc.MetadataReader;
import io.junctionsql.planner.source.jdbc.SourceInfo;
import io.junctionsql.planner.source.jdbc.TableMetadata;

import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeImpl;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Reads a Datasphere space through HANA's system views, as SAP's own tools do: the views a space user
 * may read (those exposed for consumption) from {@code SYS.VIEWS}, their columns from
 * {@code SYS.VIEW_COLUMNS}, and likewise for tables. Every name is bound as a parameter, never spliced
 * into the SQL. Views have no declared keys in HANA; the space's CSN supplies them.
 */
final class HanaSystemViewReader implements MetadataReader {
  static final String VIEWS = "SELECT VIEW_NAME FROM SYS.VIEWS WHERE SCHEMA_NAME = ?";
  static final String TABLES = "SELECT TABLE_NAME FROM SYS.TABLES WHERE SCHEMA_NAME = ?";
  static final String VIEW_COLUMNS = "SELECT COLUMN_NAME, DATA_TYPE_NAME, LENGTH, SCALE, IS_NULLABLE, COMMENTS"
      + " FROM SYS.VIEW_COLUMNS WHERE SCHEMA_NAME = ? AND VIEW_NAME = ? ORDER BY POSITION";
  static final String TABLE_COLUMNS = "SELECT COLUMN_NAME, DATA_TYPE_NAME, LENGTH, SCALE, IS_NULLABLE, COMMENTS"
      + " FROM SYS.TABLE_COLUMNS WHERE SCHEMA_NAME = ? AND TABLE_NAME = ? ORDER BY POSITION";
  static final String PRIMARY_KEY = "SELECT COLUMN_NAME FROM SYS.CONSTRAINTS"
      + " WHERE SCHEMA_NAME = ? AND TABLE_NAME = ? AND IS_PRIMARY_KEY = 'TRUE' ORDER BY POSITION";
  static final String TABLE_ROWS = "SELECT RECORD_COUNT FROM SYS.M_TABLES WHERE SCHEMA_NAME = ? AND TABLE_NAME = ?";
  /** Counting a view stops here: a view may be a heavy join; beyond this, "large" is all the planner needs. */
  static final long COUNT_LIMIT = 1_000_000;
  private static final int COUNT_TIMEOUT_SECONDS = 5;

  private final String space;
  private final SemanticModel semantics;

  HanaSystemViewReader(String space, SemanticModel semantics) {
    this.space = space;
    this.semantics = semantics;
  }

  @Override public List<String> schemaNames(Connection c, SourceInfo info) {
    return List.of(space);
  }

  @Override public Map<String, Schema.TableType> tableNames(Connection c, SourceInfo info, String schema)
      throws SQLException {
    Map<String, Schema.TableType> names = new TreeMap<>();
    for (String view : strings(c, VIEWS, schema)) {
      names.put(view, Schema.TableType.VIEW);
    }
    for (String table : strings(c, TABLES, schema)) {
      names.putIfAbsent(table, Schema.TableType.TABLE);
    }
    return names;
  }

  @Override public TableMetadata table(Connection c, SourceInfo info, String schema, String name,
      Schema.TableType type) throws SQLException {
    boolean view = type == Schema.TableType.VIEW;
    RelDataTypeFactory f = new SqlTypeFactoryImpl(JunctionTypeSystem.INSTANCE);
    RelDataTypeFactory.Builder columns = f.builder();
    List<String> names = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(view ? VIEW_COLUMNS : TABLE_COLUMNS)) {
      ps.setString(1, schema);
      ps.setString(2, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
          columns.add(rs.getString(1), HanaTypes.toType(f, rs.getString(2), rs.getInt(3), rs.getInt(4)))
              .nullable(!"FALSE".equalsIgnoreCase(rs.getString(5)));
        }
      }
    }
    // A CSN that names columns the view lacks is out of date: say so rather than plan with it.
    SemanticValidation.check(semantics, Map.of(name, names));
    List<Integer> key = new ArrayList<>();
    if (!view) {
      for (String column : strings(c, PRIMARY_KEY, schema, name)) {
        key.add(names.indexOf(column));
      }
    }
    OptionalDouble rows = view ? viewRows(c, info, schema, name) : OptionalDouble.of(tableRows(c, schema, name));
    return new TableMetadata(schema, name, type, RelDataTypeImpl.proto(columns.build()), List.copyOf(key),
        rows.orElse(COUNT_LIMIT), Optional.empty(), Map.of(), rows.isEmpty());
  }

  private static double tableRows(Connection c, String schema, String table) throws SQLException {
    List<String> counts = strings(c, TABLE_ROWS, schema, table);
    return counts.isEmpty() || counts.get(0) == null ? COUNT_LIMIT : Math.max(1, Double.parseDouble(counts.get(0)));
  }

  /** The view's rows, counted up to {@link #COUNT_LIMIT}; empty when the count failed or took too long. */
  static OptionalDouble viewRows(Connection c, SourceInfo info, String schema, String view) {
    String q = info.dialect().quoteIdentifier(schema) + "." + info.dialect().quoteIdentifier(view);
    try (Statement s = c.createStatement()) {
      s.setQueryTimeout(COUNT_TIMEOUT_SECONDS);
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM (SELECT 1 AS X FROM " + q + " LIMIT "
          + (COUNT_LIMIT + 1) + ") AS T")) {
        return rs.next() ? OptionalDouble.of(Math.max(1, rs.getLong(1))) : OptionalDouble.empty();
      } finally {
        // H2, which emulates Datasphere in the demo, keeps a statement's timeout as its session's: without
        // this, every later query on the pooled connection would be stopped after the count's few seconds.
        s.setQueryTimeout(0);
      }
    } catch (SQLException e) {
      // A view too slow or too guarded to count: planned as large, and counted again later.
      return OptionalDouble.empty();
    }
  }

  private static List<String> strings(Connection c, String sql, String... parameters) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setString(i + 1, parameters[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}
