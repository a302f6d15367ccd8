package io.junctionsql.planner.source.databricks;

import io.junctionsql.planner.runtime.JunctionTypeSystem;
import io.junctionsql.planner.semantic.Cardinality;
import io.junctionsql.planner.semantic.ColumnPair;
import io.junctionsql.planner.semantic.ElementRole;
import io.junctionsql.planner.semantic.ModelingPattern;
import io.junctionsql.planner.semantic.PersonalData;
import io.junctionsql.planner.semantic.SemanticAssociation;
import io.junctionsql.planner.semantic.SemanticElement;
import io.junctionsql.planner.semantic.SemanticEntity;
import io.junctionsql.planner.source.jdbc.JdbcMetadataReader;
import io.junctionsql.planner.source.jdbc.MetadataReader;
import io.junctionsql.planner.source.jdbc.SourceInfo;
import io.junctionsql.planner.source.jdbc.TableMetadata;

import org.apache.calcite.schema.Schema;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Databricks' catalog: tables and columns through JDBC metadata, and what Unity Catalog adds from its
 * {@code information_schema} (table and column comments, informational primary and foreign keys) as the
 * table's semantics, so they reach {@code REMARKS}, {@code getPrimaryKeys}, {@code getImportedKeys} and the
 * planner as the Datasphere source's CSN does. An endpoint without {@code information_schema} (a Spark
 * thrift server) gets JDBC metadata alone.
 */
final class UnityCatalogMetadataReader implements MetadataReader {
  private static final Logger LOG = LoggerFactory.getLogger(UnityCatalogMetadataReader.class);
  static final String ORIGIN = "Unity Catalog information_schema";

  private final JdbcMetadataReader jdbc = new JdbcMetadataReader();
  private final String sourceName;
  private final String infoSchema;
  private volatile Boolean available;

  /** @param catalog the configured catalog; null for the connection's current catalog */
  UnityCatalogMetadataReader(String sourceName, String catalog) {
    this.sourceName = sourceName;
    this.infoSchema = catalog == null ? "information_schema" : quote(catalog) + ".information_schema";
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  @Override public List<String> schemaNames(Connection c, SourceInfo info) throws SQLException {
    return jdbc.schemaNames(c, info);
  }

  @Override public Map<String, Schema.TableType> tableNames(Connection c, SourceInfo info, String schema)
      throws SQLException {
    return jdbc.tableNames(c, info, schema);
  }

  @Override public TableMetadata table(Connection c, SourceInfo info, String schema, String table,
      Schema.TableType type) throws SQLException {
    TableMetadata base = jdbc.table(c, info, schema, table, type);
    if (!available(c)) {
      return base;
    }
    try {
      return withSemantics(c, base, schema, table);
    } catch (SQLException e) {
      // Comments and keys help; they are not worth losing the table over (a view the user may not read).
      LOG.warn("Source {}: Unity Catalog information_schema could not describe {}.{} ({}); using JDBC metadata",
          sourceName, schema, table, e.getMessage());
      return base;
    }
  }

  private TableMetadata withSemantics(Connection c, TableMetadata base, String schema, String table)
      throws SQLException {
    List<String> columns = base.rowType().apply(new SqlTypeFactoryImpl(JunctionTypeSystem.INSTANCE)).getFieldNames();
    List<String> key = keyColumns(c, schema, table);
    List<SemanticAssociation> associations = foreignKeys(c, schema, table);
    Map<String, String> fkOf = new HashMap<>();
    associations.forEach(a -> a.columnPairs().forEach(p -> fkOf.put(p.source(), a.name())));
    Map<String, String> comments = columnComments(c, schema, table);
    List<SemanticElement> elements = new ArrayList<>();
    for (String column : columns) {
      boolean isKey = key.contains(column);
      elements.add(new SemanticElement(column, Optional.empty(), isKey, false,
          Optional.ofNullable(comments.get(column)), isKey ? ElementRole.KEY : ElementRole.ATTRIBUTE,
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, false, false, false,
          List.of(), Optional.empty(), Optional.ofNullable(fkOf.get(column)), PersonalData.NONE, false, false, false));
    }
    SemanticEntity entity = new SemanticEntity(table, ORIGIN, tableComment(c, schema, table),
        ModelingPattern.UNKNOWN, true, List.of(), elements, associations, List.of());
    List<Integer> primaryKey = base.primaryKey();
    if (primaryKey.isEmpty() && !key.isEmpty() && columns.containsAll(key)) {
      primaryKey = key.stream().map(columns::indexOf).toList();
    }
    return new TableMetadata(base.schema(), base.name(), base.type(), base.rowType(), primaryKey, base.rowCount(),
        Optional.of(entity), base.distinctValues(), base.rowCountGuessed());
  }

  /** Whether the endpoint has Unity Catalog's information_schema; asked once per source. */
  private boolean available(Connection c) {
    Boolean known = available;
    if (known != null) {
      return known;
    }
    boolean has;
    try (PreparedStatement ps = c.prepareStatement("SELECT constraint_name FROM " + infoSchema
        + ".table_constraints WHERE 1 = 0");
         ResultSet rs = ps.executeQuery()) {
      has = true;
    } catch (SQLException e) {
      LOG.info("Source {}: no Unity Catalog information_schema ({}); keys and comments come from JDBC metadata",
          sourceName, e.getMessage());
      has = false;
    }
    available = has;
    return has;
  }

  private Optional<String> tableComment(Connection c, String schema, String table) throws SQLException {
    List<String[]> rows = query(c, "SELECT `comment` FROM " + infoSchema + ".tables WHERE table_schema = ?"
        + " AND table_name = ?", 1, schema, table);
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0)[0]);
  }

  private Map<String, String> columnComments(Connection c, String schema, String table) throws SQLException {
    Map<String, String> out = new HashMap<>();
    for (String[] r : query(c, "SELECT column_name, `comment` FROM " + infoSchema + ".columns"
        + " WHERE table_schema = ? AND table_name = ? AND `comment` IS NOT NULL", 2, schema, table)) {
      out.put(r[0], r[1]);
    }
    return out;
  }

  private List<String> keyColumns(Connection c, String schema, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    for (String[] r : query(c, "SELECT k.column_name FROM " + infoSchema + ".table_constraints t JOIN "
        + infoSchema + ".key_column_usage k ON k.constraint_schema = t.constraint_schema"
        + " AND k.constraint_name = t.constraint_name WHERE t.table_schema = ? AND t.table_name = ?"
        + " AND t.constraint_type = 'PRIMARY KEY' ORDER BY k.ordinal_position", 1, schema, table)) {
      out.add(r[0]);
    }
    return out;
  }

  /**
   * Each informational foreign key to a table of the same schema, as a many-to-one association to the
   * referenced key. Keys to other schemas are skipped: Junction resolves associations within a schema.
   */
  private List<SemanticAssociation> foreignKeys(Connection c, String schema, String table) throws SQLException {
    Map<String, List<String[]>> byConstraint = new LinkedHashMap<>();
    for (String[] r : query(c, "SELECT t.constraint_name, k.column_name, r.unique_constraint_schema,"
        + " r.unique_constraint_name, CAST(k.position_in_unique_constraint AS STRING) FROM " + infoSchema
        + ".table_constraints t JOIN " + infoSchema + ".key_column_usage k ON k.constraint_schema = t.constraint_schema"
        + " AND k.constraint_name = t.constraint_name JOIN " + infoSchema + ".referential_constraints r"
        + " ON r.constraint_schema = t.constraint_schema AND r.constraint_name = t.constraint_name"
        + " WHERE t.table_schema = ? AND t.table_name = ? AND t.constraint_type = 'FOREIGN KEY'"
        + " ORDER BY t.constraint_name, k.ordinal_position", 5, schema, table)) {
      byConstraint.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r);
    }
    List<SemanticAssociation> out = new ArrayList<>();
    for (Map.Entry<String, List<String[]>> fk : byConstraint.entrySet()) {
      String[] first = fk.getValue().get(0);
      List<String[]> referenced = query(c, "SELECT table_schema, table_name, column_name FROM " + infoSchema
          + ".key_column_usage WHERE constraint_schema = ? AND constraint_name = ? ORDER BY ordinal_position", 3,
          first[2], first[3]);
      if (referenced.isEmpty() || !schema.equals(referenced.get(0)[0])) {
        LOG.debug("Source {}: foreign key {} of {}.{} refers outside the schema; not used", sourceName, fk.getKey(),
            schema, table);
        continue;
      }
      List<String> targetKey = referenced.stream().map(r -> r[2]).toList();
      List<ColumnPair> pairs = new ArrayList<>();
      for (int i = 0; i < fk.getValue().size(); i++) {
        String[] r = fk.getValue().get(i);
        int position = r[4] == null ? i : Integer.parseInt(r[4].trim()) - 1;
        pairs.add(new ColumnPair(r[1], targetKey.get(position)));
      }
      out.add(new SemanticAssociation(fk.getKey(), referenced.get(0)[1], true, Optional.empty(), Cardinality.ONE,
          pairs, true, false, targetKey));
    }
    return out;
  }

  private static List<String[]> query(Connection c, String sql, int width, String... params) throws SQLException {
    List<String[]> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String[] row = new String[width];
          for (int i = 0; i < width; i++) {
            row[i] = rs.getString(i + 1);
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }
}
