package io.junctionsql.bench.trino;

import io.junctionsql.planner.source.delta.write.DeltaTableWriter;

import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StructType;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The check's data: a fact table {@code sales} written as a Delta table under
 * {@code <lake>/trino_check/sales} with Junction's writer, and a dimension table {@code customers} in
 * PostgreSQL schema {@code trino_check}. PostgreSQL also gets a copy of the same sales rows, so that it
 * can answer the federated join itself and serve as the oracle.
 */
final class TrinoCheckData {
  static final String SCHEMA = "trino_check";
  static final int CUSTOMERS = 2_000;
  static final int SALES = 200_000;
  private static final int ROWS_PER_FILE = 50_000;
  private static final String[] REGIONS = {"north", "east", "south", "west", "central"};
  private static final StructType SALES_SCHEMA = new StructType()
      .add("sale_id", LongType.LONG, false)
      .add("customer_id", IntegerType.INTEGER)
      .add("amount", new DecimalType(12, 2))
      .add("sold_on", DateType.DATE);

  private TrinoCheckData() {
  }

  /** Writes both sides afresh: the Delta folder is replaced and the PostgreSQL schema recreated. */
  static void write(Path lake, String pgUrl) throws IOException, SQLException {
    List<Object[]> sales = sales();
    Path table = lake.resolve(SCHEMA).resolve("sales");
    deleteTree(table);
    new DeltaTableWriter(table.toUri().toString(), SALES_SCHEMA, List.of()).append(sales, ROWS_PER_FILE);
    try (Connection pg = DriverManager.getConnection(pgUrl)) {
      try (Statement st = pg.createStatement()) {
        st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        st.execute("CREATE SCHEMA " + SCHEMA);
        st.execute("CREATE TABLE " + SCHEMA + ".customers (customer_id INT PRIMARY KEY, region VARCHAR(16) NOT NULL)");
        st.execute("CREATE TABLE " + SCHEMA + ".sales (sale_id BIGINT PRIMARY KEY, customer_id INT,"
            + " amount NUMERIC(12,2), sold_on DATE)");
      }
      insert(pg, "INSERT INTO " + SCHEMA + ".customers VALUES (?, ?)", customers());
      insert(pg, "INSERT INTO " + SCHEMA + ".sales VALUES (?, ?, ?, ?)", sales);
      try (Statement st = pg.createStatement()) {
        st.execute("ANALYZE " + SCHEMA + ".customers");
        st.execute("ANALYZE " + SCHEMA + ".sales");
      }
    }
    System.out.printf("wrote %,d sales to %s (Delta) and to PostgreSQL %s.sales; %,d customers to %s.customers%n",
        SALES, table, SCHEMA, CUSTOMERS, SCHEMA);
  }

  private static List<Object[]> customers() {
    List<Object[]> rows = new ArrayList<>();
    for (int id = 0; id < CUSTOMERS; id++) {
      rows.add(new Object[] {id, REGIONS[id % REGIONS.length]});
    }
    return rows;
  }

  /** Some sales name a customer that does not exist and some none, so the inner join drops rows. */
  private static List<Object[]> sales() {
    LocalDate first = LocalDate.of(2025, 1, 1);
    List<Object[]> rows = new ArrayList<>();
    for (long id = 0; id < SALES; id++) {
      Integer customer = id % 997 == 0 ? null : (int) ((id * 7) % (CUSTOMERS + 50));
      rows.add(new Object[] {id, customer, BigDecimal.valueOf((id * 31) % 100_000, 2),
          first.plusDays(id % 365)});
    }
    return rows;
  }

  private static void insert(Connection pg, String sql, List<Object[]> rows) throws SQLException {
    try (PreparedStatement ps = pg.prepareStatement(sql)) {
      int pending = 0;
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          ps.setObject(i + 1, row[i]);
        }
        ps.addBatch();
        if (++pending == 5_000) {
          ps.executeBatch();
          pending = 0;
        }
      }
      ps.executeBatch();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
