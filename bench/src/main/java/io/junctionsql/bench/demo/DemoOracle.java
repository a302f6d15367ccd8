package io.junctionsql.bench.demo;

import io.junctionsql.bench.support.PostgresCopy;
import io.junctionsql.server.demo.DemoDataSet;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The oracle: the rows Junction reads, copied into one PostgreSQL schema ({@code demo_s<scale>}). The SAP side
 * is copied from the emulated space's views (so the oracle holds what the views compute, not the tables under
 * them), the campaign events from the Delta table as Junction reads it. Columns keep Junction's names, in
 * lower case, so that a query's text runs on both with only its table qualifiers changed. Skipped when a
 * complete earlier copy of the same scale is there.
 */
final class DemoOracle {
  private static final String MARKER = "_loaded";
  /** Each table: its PostgreSQL definition, and where its rows come from. */
  private record Table(String name, String columns, String source, boolean fromLake) {
  }

  private static final List<Table> TABLES = List.of(
      new Table("customers", "customerid varchar(10) PRIMARY KEY, customername varchar(80), country varchar(2),"
          + " city varchar(40), industry varchar(30)", "\"" + DemoDataSet.SPACE + "\".\"Customers\"", false),
      new Table("products", "productid varchar(12) PRIMARY KEY, productname varchar(80), category varchar(30),"
          + " baseunit varchar(3)", "\"" + DemoDataSet.SPACE + "\".\"Products\"", false),
      new Table("salesorders", "salesorderid varchar(10) PRIMARY KEY, customerid varchar(10), productid varchar(12),"
          + " orderdate date, quantity numeric(13,3), netamount numeric(15,2), currency varchar(3)",
          "\"" + DemoDataSet.SPACE + "\".\"SalesOrders\"", false),
      // cost_eur is a double in Delta with two decimals; numeric keeps those exactly and lets ROUND(x, 2) run.
      new Table("campaign_events", "event_id bigint PRIMARY KEY, customer_id varchar(10), campaign varchar(40),"
          + " channel varchar(10), event_time timestamp, cost_eur numeric(12,2)", "lake.marketing.campaign_events", true));

  private final DemoDataSet data;
  private final String url;

  DemoOracle(DemoDataSet data, String url) {
    this.data = data;
    this.url = url;
  }

  String schema() {
    return "demo_s" + data.scale();
  }

  String url() {
    return url;
  }

  /**
   * Copies the rows unless an earlier complete copy of this scale is there and the data set was not built
   * anew since (a new build may hold other rows).
   */
  void ensureLoaded(Connection junction, boolean dataSetBuiltNow) throws SQLException {
    try (Connection pg = DriverManager.getConnection(url); Statement s = pg.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_tables WHERE schemaname = '" + schema()
          + "' AND tablename = '" + MARKER + "'")) {
        if (rs.next() && !dataSetBuiltNow) {
          System.out.println("Oracle already loaded (PostgreSQL schema " + schema() + ")");
          return;
        }
      }
      s.execute("DROP SCHEMA IF EXISTS " + schema() + " CASCADE");
      s.execute("CREATE SCHEMA " + schema());
      try (Connection sap = data.openSap()) {
        for (Table t : TABLES) {
          long start = System.nanoTime();
          s.execute("CREATE TABLE " + schema() + "." + t.name + " (" + t.columns + ")");
          long rows;
          try (Statement read = (t.fromLake ? junction : sap).createStatement()) {
            read.setFetchSize(10_000);
            try (ResultSet rs = read.executeQuery("SELECT * FROM " + t.source)) {
              rows = copy(rs, pg, schema() + "." + t.name);
            }
          }
          s.execute("ANALYZE " + schema() + "." + t.name);
          System.out.printf("  oracle %s.%s: %,d rows in %.1f s%n", schema(), t.name, rows,
              (System.nanoTime() - start) / 1e9);
        }
      }
      s.execute("CREATE INDEX ON " + schema() + ".salesorders (customerid)");
      s.execute("CREATE INDEX ON " + schema() + ".campaign_events (customer_id)");
      s.execute("CREATE TABLE " + schema() + "." + MARKER + " (loaded_at timestamptz DEFAULT now())");
    }
  }

  /** Streams a result set into a table, its values as their text. */
  private static long copy(ResultSet rs, Connection postgres, String table) throws SQLException {
    int n = rs.getMetaData().getColumnCount();
    Object[] values = new Object[n];
    try (PostgresCopy copy = new PostgresCopy(postgres, table)) {
      while (rs.next()) {
        for (int i = 0; i < n; i++) {
          values[i] = rs.getString(i + 1);
        }
        copy.row(values);
      }
      return copy.finish();
    }
  }
}
