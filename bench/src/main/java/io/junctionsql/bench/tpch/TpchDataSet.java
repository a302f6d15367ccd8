package io.junctionsql.bench.tpch;

import io.junctionsql.bench.support.PostgresCopy;
import io.junctionsql.planner.source.delta.write.DeltaTableWriter;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * TPC-H at one scale factor, in the two places the federated workload reads it: every table in one
 * PostgreSQL schema (the oracle, and the SAP side's dimension tables), and the fact tables orders and
 * lineitem as Delta tables written with file statistics, in the generator's order (by order key).
 * Loading is skipped when a complete earlier load of the same scale factor is found.
 */
final class TpchDataSet {
  /** The fact tables, which also become Delta tables. */
  static final Set<String> FACTS = Set.of("orders", "lineitem");
  private static final int ROWS_PER_FILE = 131_072;
  private static final int ROWS_PER_COMMIT = 4 * ROWS_PER_FILE;
  private static final String MARKER = "_loaded";

  private final double scaleFactor;
  private final String postgresUrl;
  private final Path lake;

  TpchDataSet(double scaleFactor, String postgresUrl, Path lake) {
    this.scaleFactor = scaleFactor;
    this.postgresUrl = postgresUrl;
    this.lake = lake;
  }

  /** {@code tpch_sf1}, {@code tpch_sf0_1}: the PostgreSQL schema and the Delta folder of this scale factor. */
  String schema() {
    String sf = scaleFactor == Math.rint(scaleFactor) ? String.valueOf((long) scaleFactor)
        : String.valueOf(scaleFactor).replace('.', '_');
    return "tpch_sf" + sf;
  }

  Path deltaTable(String table) {
    return lake.resolve(schema()).resolve(table);
  }

  String postgresUrl() {
    return postgresUrl;
  }

  Path lake() {
    return lake;
  }

  double scaleFactor() {
    return scaleFactor;
  }

  /** Makes sure both copies exist and are complete. */
  void ensureLoaded() throws SQLException, IOException {
    boolean postgres = postgresLoaded();
    boolean delta = Files.exists(lake.resolve(schema()).resolve(MARKER));
    if (postgres) {
      indexPostgres();
    }
    if (postgres && delta) {
      System.out.printf("TPC-H SF%s already loaded (PostgreSQL schema %s, Delta under %s)%n", scaleFactor, schema(),
          lake.resolve(schema()));
      return;
    }
    long start = System.nanoTime();
    if (!postgres) {
      loadPostgres();
    }
    if (!delta) {
      writeDelta();
    }
    System.out.printf("TPC-H SF%s loaded in %.0f s%n", scaleFactor, (System.nanoTime() - start) / 1e9);
  }

  private boolean postgresLoaded() throws SQLException {
    try (Connection c = DriverManager.getConnection(postgresUrl); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1 FROM pg_tables WHERE schemaname = '" + schema()
            + "' AND tablename = '" + MARKER + "'")) {
      return rs.next();
    }
  }

  private void loadPostgres() throws SQLException, IOException {
    try (Connection c = DriverManager.getConnection(postgresUrl); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema() + " CASCADE");
      s.execute("CREATE SCHEMA " + schema());
      for (TpchTable<?> table : TpchTable.getTables()) {
        long t = System.nanoTime();
        s.execute(createTable(table));
        long rows = copy(c, table);
        s.execute("ALTER TABLE " + qualified(table) + " ADD PRIMARY KEY (" + String.join(", ", primaryKey(table)) + ")");
        s.execute("ANALYZE " + qualified(table));
        System.out.printf("  PostgreSQL %s: %,d rows in %.1f s%n", qualified(table), rows, (System.nanoTime() - t) / 1e9);
      }
      indexPostgres();
      s.execute("CREATE TABLE " + schema() + "." + MARKER + " (loaded_at timestamptz DEFAULT now())");
    }
  }

  /**
   * Indexes on the foreign keys the correlated sub-queries of Q2, Q17, Q20 and Q21 look up: without them
   * PostgreSQL, the oracle, runs Q17 and Q20 as nested scans (minutes at SF0.1, hours at SF1).
   */
  private void indexPostgres() throws SQLException {
    try (Connection c = DriverManager.getConnection(postgresUrl); Statement s = c.createStatement()) {
      for (String index : List.of("lineitem (l_partkey, l_suppkey)", "lineitem (l_suppkey)", "orders (o_custkey)",
          "partsupp (ps_suppkey)", "customer (c_nationkey)", "supplier (s_nationkey)")) {
        String name = schema() + "_" + index.replaceAll("[^a-z_]+", "_").replaceAll("_+$", "");
        s.execute("CREATE INDEX IF NOT EXISTS " + name + " ON " + schema() + "." + index);
      }
      s.execute("ANALYZE");
    }
  }

  private String qualified(TpchTable<?> table) {
    return schema() + "." + table.getTableName();
  }

  private String createTable(TpchTable<?> table) {
    StringJoiner columns = new StringJoiner(", ");
    for (TpchColumn<?> c : table.getColumns()) {
      columns.add(c.getColumnName() + " " + TpchColumns.postgresType(c) + " NOT NULL");
    }
    return "CREATE TABLE " + qualified(table) + " (" + columns + ")";
  }

  /** The specification's primary keys, which the SAP side declares too. */
  static List<String> primaryKey(TpchTable<?> table) {
    return switch (table.getTableName()) {
      case "lineitem" -> List.of("l_orderkey", "l_linenumber");
      case "partsupp" -> List.of("ps_partkey", "ps_suppkey");
      default -> List.of(table.getColumns().get(0).getColumnName());
    };
  }

  private <E extends TpchEntity> long copy(Connection c, TpchTable<E> table) throws SQLException {
    try (PostgresCopy copy = new PostgresCopy(c, qualified(table))) {
      for (E entity : table.createGenerator(scaleFactor, 1, 1)) {
        copy.row(TpchColumns.values(table, entity));
      }
      return copy.finish();
    }
  }

  private void writeDelta() throws IOException {
    Path folder = lake.resolve(schema());
    for (TpchTable<?> table : TpchTable.getTables()) {
      if (FACTS.contains(table.getTableName())) {
        writeDelta(table);
      }
    }
    Files.writeString(folder.resolve(MARKER), String.format(Locale.ROOT, "sf=%s%n", scaleFactor));
  }

  private <E extends TpchEntity> void writeDelta(TpchTable<E> table) throws IOException {
    long t = System.nanoTime();
    Path path = deltaTable(table.getTableName());
    deleteRecursively(path);
    Files.createDirectories(path);
    DeltaTableWriter writer = new DeltaTableWriter(path.toUri().toString(), TpchColumns.deltaSchema(table), List.of());
    List<Object[]> chunk = new ArrayList<>(ROWS_PER_COMMIT);
    long rows = 0;
    for (E entity : table.createGenerator(scaleFactor, 1, 1)) {
      chunk.add(TpchColumns.values(table, entity));
      if (chunk.size() == ROWS_PER_COMMIT) {
        writer.append(chunk, ROWS_PER_FILE);
        rows += chunk.size();
        chunk.clear();
      }
    }
    if (!chunk.isEmpty()) {
      writer.append(chunk, ROWS_PER_FILE);
      rows += chunk.size();
    }
    System.out.printf("  Delta %s: %,d rows in %.1f s%n", path, rows, (System.nanoTime() - t) / 1e9);
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var paths = Files.walk(path)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
