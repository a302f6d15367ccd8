package io.junctionsql.driver.databricks;

import io.junctionsql.driver.JunctionStatement;
import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.driver.fixtures.PostgresDatabases;
import io.junctionsql.driver.fixtures.SparkThriftFixture;
import io.junctionsql.planner.runtime.SourceQuery;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The databricks source kind against a real Spark engine: a Spark 3.5 thrift server with Delta tables
 * (forked JVM), compared with the same rows in PostgreSQL, with what Spark received checked for the
 * pushed work, and string literals that Spark reads differently from standard SQL.
 */
class SparkThriftSourceIT {
  private static final String[][] NOTES = {
      {"1", "O'Brien"}, {"2", "back\\slash"}, {"3", "50% off"}, {"4", "a_b"}, {"5", "Grüße 東京 🚀"},
      {"6", "it's a \\' trap"}, {"7", "axb"}, {"8", "50 percent"}};

  @TempDir static Path dir;
  private static SparkThriftFixture spark;
  private static final PostgresDatabases DATABASES = new PostgresDatabases();
  private static String oracleUrl;
  private static String sapUrl;
  private static Path config;
  private static long pid;

  @BeforeAll static void setUp() throws Exception {
    spark = new SparkThriftFixture(dir.resolve("spark"));
    pid = spark.pid();
    String orders = "SELECT id, concat('customer ', CAST(id % 40 AS STRING)) AS customer, CAST(id % 40 AS INT) AS customer_id,"
        + " CASE WHEN id % 3 = 0 THEN 'OPEN' WHEN id % 3 = 1 THEN 'SHIPPED' ELSE 'BILLED' END AS status,"
        + " CAST(id * 1.25 AS DECIMAL(12,2)) AS amount, date_add(DATE '2024-01-01', CAST(id % 90 AS INT)) AS order_day";
    spark.execute("CREATE TABLE default.orders USING delta AS " + orders + " FROM range(0, 1000)",
        "CREATE TABLE default.notes (id INT, note STRING) USING delta",
        "INSERT INTO default.notes VALUES " + sparkValues());
    oracleUrl = DATABASES.create("oracle");
    sapUrl = DATABASES.create("sap");
    String pgOrders = "SELECT g AS id, 'customer ' || (g % 40) AS customer, (g % 40)::int AS customer_id,"
        + " CASE WHEN g % 3 = 0 THEN 'OPEN' WHEN g % 3 = 1 THEN 'SHIPPED' ELSE 'BILLED' END AS status,"
        + " (g * 1.25)::numeric(12,2) AS amount, DATE '2024-01-01' + (g % 90)::int AS order_day FROM generate_series(0, 999) g";
    PostgresDatabases.run(oracleUrl, "CREATE SCHEMA lake;\nCREATE TABLE lake.orders AS " + pgOrders + ";\n"
        + "CREATE TABLE lake.notes (id INT, note TEXT);\n"
        + "CREATE TABLE lake.customers AS SELECT g AS customer_id, 'Name ' || g AS name, CASE WHEN g % 2 = 0"
        + " THEN 'DE' ELSE 'US' END AS country FROM generate_series(0, 39) g;\n");
    PostgresDatabases.run(sapUrl, "CREATE SCHEMA master;\nCREATE TABLE master.customers AS SELECT g AS customer_id,"
        + " 'Name ' || g AS name, CASE WHEN g % 2 = 0 THEN 'DE' ELSE 'US' END AS country FROM generate_series(0, 39) g;\n"
        + "ALTER TABLE master.customers ADD PRIMARY KEY (customer_id);\nANALYZE;\n");
    try (Connection c = PostgresDatabases.connect(oracleUrl);
         var ps = c.prepareStatement("INSERT INTO lake.notes VALUES (?, ?)")) {
      for (String[] n : NOTES) {
        ps.setInt(1, Integer.parseInt(n[0]));
        ps.setString(2, n[1]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    config = GatewayFiles.write(dir, "spark.yaml", "sources:\n" + spark.sourceYaml("dbx")
        + "  sap:\n    kind: jdbc\n    url: " + sapUrl + "\n    user: " + PostgresDatabases.USER + "\n");
  }

  /** The notes as a Spark VALUES list: Spark reads a backslash as an escape, so both are escaped. */
  private static String sparkValues() {
    List<String> rows = new ArrayList<>();
    for (String[] n : NOTES) {
      rows.add("(" + n[0] + ", '" + n[1].replace("\\", "\\\\").replace("'", "\\'") + "')");
    }
    return String.join(", ", rows);
  }

  @AfterAll static void tearDown() throws Exception {
    spark.close();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
        .as("the thrift server's JVM is gone").isFalse();
    DATABASES.close();
  }

  @Test void aggregateFilterAndLimitRunInSpark() throws Exception {
    Result r = run("SELECT status, COUNT(*) AS n, SUM(amount) AS total FROM dbx.\"default\".orders"
        + " WHERE id < 500 AND order_day >= DATE '2024-02-01' GROUP BY status");
    assertThat(r.rows()).containsExactlyInAnyOrderElementsOf(oracle("SELECT status, COUNT(*), SUM(amount)"
        + " FROM lake.orders WHERE id < 500 AND order_day >= DATE '2024-02-01' GROUP BY status"));
    assertThat(r.sent()).hasSize(1);
    assertThat(r.sent().get(0)).contains("GROUP BY").contains("WHERE").contains("`orders`");

    Result top = run("SELECT id, amount FROM dbx.\"default\".orders ORDER BY amount DESC, id LIMIT 4");
    assertThat(top.rows()).isEqualTo(oracle("SELECT id, amount FROM lake.orders ORDER BY amount DESC, id LIMIT 4"));
    assertThat(top.sent().get(0)).contains("LIMIT 4");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "note = 'O''Brien'|1",
      "note = 'back\\slash'|2",
      "note = 'it''s a \\'' trap'|6",
      "note = 'Grüße 東京 🚀'|5",
      "note LIKE '50\\% %' ESCAPE '\\'|3",
      "note LIKE 'a\\_b' ESCAPE '\\'|4",
      "note LIKE 'a_b'|4,7",
      "note LIKE '50%'|3,8"})
  void literalsReachSparkAsWritten(String predicate, String ids) throws Exception {
    Result r = run("SELECT id FROM dbx.\"default\".notes WHERE " + predicate + " ORDER BY id");
    List<List<String>> expected = new ArrayList<>();
    for (String id : ids.split(",")) {
      expected.add(List.of(id));
    }
    assertThat(r.rows()).as("sent: %s", r.sent()).isEqualTo(expected);
    assertThat(r.rows()).isEqualTo(oracle("SELECT id FROM lake.notes WHERE " + predicate + " ORDER BY id"));
  }

  @Test void joinOfPostgresAndSparkEqualsTheOracle() throws Exception {
    Result r = run("SELECT c.country, o.status, COUNT(*) AS n, SUM(o.amount) AS total FROM dbx.\"default\".orders o"
        + " JOIN sap.master.customers c ON c.customer_id = o.customer_id WHERE o.order_day < DATE '2024-03-01'"
        + " GROUP BY c.country, o.status");
    assertThat(r.rows()).containsExactlyInAnyOrderElementsOf(oracle("SELECT c.country, o.status, COUNT(*),"
        + " SUM(o.amount) FROM lake.orders o JOIN lake.customers c ON c.customer_id = o.customer_id"
        + " WHERE o.order_day < DATE '2024-03-01' GROUP BY c.country, o.status"));
    assertThat(r.sent()).anyMatch(s -> s.contains("`orders`"));
  }

  @Test void catalogListsSparkTables() throws Exception {
    try (Connection c = GatewayFiles.connect(config);
         ResultSet rs = c.getMetaData().getColumns("dbx", "default", "orders", "%")) {
      List<String> columns = new ArrayList<>();
      while (rs.next()) {
        columns.add(rs.getString("COLUMN_NAME"));
      }
      assertThat(columns).containsExactly("id", "customer", "customer_id", "status", "amount", "order_day");
    }
  }

  /**
   * Unity Catalog's comments and informational keys reach JDBC metadata and the planner. Spark has no
   * information_schema, so the test builds an emulation of UC's (the same tables and columns, in a
   * Spark database of that name); before it exists, the source falls back to JDBC metadata alone.
   */
  @Test void unityCatalogKeysAndCommentsFromInformationSchema() throws Exception {
    spark.execute("CREATE DATABASE IF NOT EXISTS shop",
        "CREATE TABLE shop.customers USING delta AS SELECT CAST(id AS INT) AS customer_id,"
            + " concat('Name ', CAST(id AS STRING)) AS name FROM range(0, 40)",
        "CREATE TABLE shop.orders USING delta AS SELECT CAST(id AS INT) AS order_id, CAST(id % 40 AS INT) AS customer_id,"
            + " CAST(id * 1.25 AS DECIMAL(12,2)) AS amount FROM range(0, 1000)");
    Path before = GatewayFiles.write(dir, "uc-before.yaml", "sources:\n"
        + spark.sourceYaml("ucbefore").replace("[default]", "[shop]"));
    try (Connection c = GatewayFiles.connect(before)) {
      assertThat(primaryKeys(c, "ucbefore", "customers")).isEmpty();
      assertThat(columnRemarks(c, "ucbefore", "orders")).containsOnlyNulls();
    }
    spark.execute("CREATE DATABASE information_schema",
        "CREATE TABLE information_schema.tables (table_catalog STRING, table_schema STRING, table_name STRING,"
            + " table_type STRING, `comment` STRING) USING delta",
        "CREATE TABLE information_schema.columns (table_catalog STRING, table_schema STRING, table_name STRING,"
            + " column_name STRING, ordinal_position INT, is_nullable STRING, `comment` STRING) USING delta",
        "CREATE TABLE information_schema.table_constraints (constraint_catalog STRING, constraint_schema STRING,"
            + " constraint_name STRING, table_catalog STRING, table_schema STRING, table_name STRING,"
            + " constraint_type STRING) USING delta",
        "CREATE TABLE information_schema.key_column_usage (constraint_catalog STRING, constraint_schema STRING,"
            + " constraint_name STRING, table_catalog STRING, table_schema STRING, table_name STRING,"
            + " column_name STRING, ordinal_position INT, position_in_unique_constraint INT) USING delta",
        "CREATE TABLE information_schema.referential_constraints (constraint_catalog STRING,"
            + " constraint_schema STRING, constraint_name STRING, unique_constraint_catalog STRING,"
            + " unique_constraint_schema STRING, unique_constraint_name STRING, update_rule STRING,"
            + " delete_rule STRING) USING delta",
        "INSERT INTO information_schema.tables VALUES ('spark_catalog', 'shop', 'customers', 'MANAGED',"
            + " 'Customers of the shop'), ('spark_catalog', 'shop', 'orders', 'MANAGED', 'One row per order')",
        "INSERT INTO information_schema.columns VALUES ('spark_catalog', 'shop', 'orders', 'amount', 2, 'YES',"
            + " 'Order amount in EUR'), ('spark_catalog', 'shop', 'orders', 'order_id', 0, 'NO', NULL),"
            + " ('spark_catalog', 'shop', 'customers', 'name', 1, 'YES', 'Customer\\'s name')",
        "INSERT INTO information_schema.table_constraints VALUES"
            + " ('spark_catalog', 'shop', 'customers_pk', 'spark_catalog', 'shop', 'customers', 'PRIMARY KEY'),"
            + " ('spark_catalog', 'shop', 'orders_pk', 'spark_catalog', 'shop', 'orders', 'PRIMARY KEY'),"
            + " ('spark_catalog', 'shop', 'orders_customer_fk', 'spark_catalog', 'shop', 'orders', 'FOREIGN KEY')",
        "INSERT INTO information_schema.key_column_usage VALUES"
            + " ('spark_catalog', 'shop', 'customers_pk', 'spark_catalog', 'shop', 'customers', 'customer_id', 1, NULL),"
            + " ('spark_catalog', 'shop', 'orders_pk', 'spark_catalog', 'shop', 'orders', 'order_id', 1, NULL),"
            + " ('spark_catalog', 'shop', 'orders_customer_fk', 'spark_catalog', 'shop', 'orders', 'customer_id', 1, 1)",
        "INSERT INTO information_schema.referential_constraints VALUES ('spark_catalog', 'shop',"
            + " 'orders_customer_fk', 'spark_catalog', 'shop', 'customers_pk', 'NO ACTION', 'NO ACTION')");
    Path after = GatewayFiles.write(dir, "uc-after.yaml", "sources:\n"
        + spark.sourceYaml("uc").replace("[default]", "[shop]"));
    try (Connection c = GatewayFiles.connect(after)) {
      assertThat(primaryKeys(c, "uc", "customers")).containsExactly("customer_id");
      assertThat(primaryKeys(c, "uc", "orders")).containsExactly("order_id");
      assertThat(columnRemarks(c, "uc", "orders")).containsExactly(null, null, "Order amount in EUR");
      assertThat(columnRemarks(c, "uc", "customers")).containsExactly(null, "Customer's name");
      try (ResultSet rs = c.getMetaData().getTables("uc", "shop", "orders", null)) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("REMARKS")).isEqualTo("One row per order");
      }
      List<String> fks = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getImportedKeys("uc", "shop", "orders")) {
        while (rs.next()) {
          fks.add(rs.getString("FK_NAME") + ": " + rs.getString("FKCOLUMN_NAME") + " -> "
              + rs.getString("PKTABLE_NAME") + "." + rs.getString("PKCOLUMN_NAME"));
        }
      }
      assertThat(fks).containsExactly("orders_customer_fk: customer_id -> customers.customer_id");
      // The keys reach the planner: a join along the foreign key keeps the orders' row count.
      try (Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(o.amount) FROM uc.shop.orders o"
               + " JOIN uc.shop.customers cu ON o.customer_id = cu.customer_id")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(1000);
        assertThat(rs.getBigDecimal(2)).isEqualByComparingTo(new BigDecimal("624375.00"));
      }
    }
  }

  private static List<String> primaryKeys(Connection c, String source, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getPrimaryKeys(source, "shop", table)) {
      while (rs.next()) {
        out.add(rs.getString("COLUMN_NAME"));
      }
    }
    return out;
  }

  private static List<String> columnRemarks(Connection c, String source, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getColumns(source, "shop", table, "%")) {
      while (rs.next()) {
        out.add(rs.getString("REMARKS"));
      }
    }
    return out;
  }

  /** Rows as text, and what Spark received. */
  record Result(List<List<String>> rows, List<String> sent) {
  }

  private static Result run(String sql) throws SQLException {
    try (Connection c = GatewayFiles.connect(config); Statement s = c.createStatement()) {
      List<List<String>> rows = read(s.executeQuery(sql));
      List<String> sent = new ArrayList<>();
      for (SourceQuery q : s.unwrap(JunctionStatement.class).sourceQueries()) {
        if (q.source().equals("dbx")) {
          sent.add(q.sql());
        }
      }
      return new Result(rows, sent);
    }
  }

  private static List<List<String>> oracle(String sql) throws SQLException {
    try (Connection c = PostgresDatabases.connect(oracleUrl); Statement s = c.createStatement()) {
      return read(s.executeQuery(sql));
    }
  }

  private static List<List<String>> read(ResultSet rs) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (rs) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          row.add(v instanceof BigDecimal ? ((BigDecimal) v).stripTrailingZeros().toPlainString()
              : v instanceof Number ? new BigDecimal(v.toString()).stripTrailingZeros().toPlainString()
              : v == null ? null : v.toString());
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
