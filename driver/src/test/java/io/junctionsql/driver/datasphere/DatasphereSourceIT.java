package io.junctionsql.driver.datasphere;

import io.junctionsql.driver.JunctionStatement;
import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.driver.fixtures.HanaEmulation;
import io.junctionsql.planner.Gateway;
import io.junctionsql.planner.runtime.SourceQuery;
import io.junctionsql.planner.source.jdbc.JdbcSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Datasphere source against an emulated space (H2 with HANA's catalog views; no HANA runs here):
 * discovery through SYS views with bound parameters, exposed views only, HANA SQL pushed down, rows
 * equal to the same query run directly on the emulation's base tables.
 */
class DatasphereSourceIT {
  private static HanaEmulation space;
  @TempDir static Path dir;
  private static Path config;

  @BeforeAll static void setUp() throws Exception {
    space = new HanaEmulation(true);
    config = GatewayFiles.write(dir, "ds.yaml", "sources:\n" + space.sourceYaml("sap", ""));
  }

  @AfterAll static void tearDown() throws Exception {
    space.close();
  }

  @Test void onlyViewsExposedForConsumptionAreListed() throws Exception {
    try (Connection c = GatewayFiles.connect(config)) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables("sap", "%", "%", null)) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME") + ":" + rs.getString("TABLE_TYPE"));
        }
      }
      assertThat(tables).containsExactlyInAnyOrder("SALES_SPACE.Customers:VIEW", "SALES_SPACE.Products:VIEW",
          "SALES_SPACE.SalesOrders:VIEW", "SALES_SPACE.FX_RATES:TABLE");
    }
  }

  @Test void columnTypesComeFromHanaCatalog() throws Exception {
    try (Connection c = GatewayFiles.connect(config);
         ResultSet rs = c.getMetaData().getColumns("sap", "SALES_SPACE", "SalesOrders", "%")) {
      List<String> columns = new ArrayList<>();
      while (rs.next()) {
        columns.add(rs.getString("COLUMN_NAME") + " " + rs.getInt("DATA_TYPE") + " " + rs.getInt("COLUMN_SIZE"));
      }
      assertThat(columns).contains("NetAmount " + Types.DECIMAL + " 15", "OrderDate " + Types.DATE + " 0",
          "IsPaid " + Types.BOOLEAN + " 0", "Item " + Types.INTEGER + " 0", "CustomerID " + Types.VARCHAR + " 10");
    }
    try (Connection c = GatewayFiles.connect(config);
         ResultSet rs = c.getMetaData().getPrimaryKeys("sap", "SALES_SPACE", "FX_RATES")) {
      List<String> key = new ArrayList<>();
      while (rs.next()) {
        key.add(rs.getString("COLUMN_NAME"));
      }
      assertThat(key).containsExactly("FromCurrency", "ToCurrency");
    }
  }

  @Test void discoveryBindsEveryValue() throws Exception {
    try (Gateway gateway = Gateway.open(config)) {
      try (Connection c = gateway.connect().calcite(); Statement s = c.createStatement()) {
        s.executeQuery("SELECT COUNT(*) FROM sap.SALES_SPACE.\"SalesOrders\"").close();
        s.executeQuery("SELECT * FROM sap.SALES_SPACE.\"FX_RATES\"").close();
      }
      JdbcSource own = (JdbcSource) gateway.sources().get("sap");
      assertThat(own.describe()).isEqualTo("SAP Datasphere (HANA " + own.info().productVersion() + ")");
      List<String> discovery = new ArrayList<>();
      for (SourceQuery q : own.metadataQueries()) {
        discovery.add(q.sql());
      }
      assertThat(discovery).as("what the source received to read its catalog")
          .anyMatch(q -> q.contains("SYS.VIEWS")).anyMatch(q -> q.contains("SYS.VIEW_COLUMNS"))
          .anyMatch(q -> q.contains("SYS.TABLE_COLUMNS")).anyMatch(q -> q.contains("SYS.CONSTRAINTS"))
          .anyMatch(q -> q.contains("SYS.M_TABLES")).anyMatch(q -> q.contains("SYS.USERS"));
      for (String q : discovery) {
        if (q.contains("SYS.")) {
          assertThat(q).as("catalog query binds its values").contains("?").doesNotContain("SALES_SPACE")
              .doesNotContain("DWC_GLOBAL").doesNotContain("SalesOrders").doesNotContain("FX_RATES");
        }
      }
    }
  }

  @Test void plainHanaIsToldApart() throws Exception {
    try (HanaEmulation hana = new HanaEmulation(false);
         Gateway gateway = Gateway.open(GatewayFiles.write(dir, "hana.yaml", "sources:\n"
             + hana.sourceYaml("erp", "")))) {
      assertThat(gateway.sources().get("erp").describe()).contains("SAP HANA").contains("not Datasphere");
    }
  }

  @Test void aggregateWithBooleanAndDateFilterIsPushedAsHanaSql() throws Exception {
    String sql = "SELECT \"Currency\", COUNT(*) AS n, SUM(\"NetAmount\") AS total FROM sap.SALES_SPACE.\"SalesOrders\""
        + " WHERE \"OrderDate\" >= DATE '2025-06-01' AND \"IsPaid\" GROUP BY \"Currency\"";
    String direct = "SELECT \"Currency\", COUNT(*), SUM(\"NetAmount\") FROM \"SALES_SPACE$TEC\".\"SalesOrders_T\""
        + " WHERE \"OrderDate\" >= DATE '2025-06-01' AND \"IsPaid\" GROUP BY \"Currency\"";
    Result r = run(sql);
    assertThat(r.rows()).containsExactlyInAnyOrderElementsOf(direct(direct));
    assertThat(r.sent()).hasSize(1);
    assertThat(r.sent().get(0)).contains("FROM \"SALES_SPACE\".\"SalesOrders\"").contains("\"IsPaid\" = TRUE")
        .contains("GROUP BY \"Currency\"");
  }

  @Test void joinOfViewsInTheSpaceIsPushedWhole() throws Exception {
    String sql = "SELECT c.\"Country\", p.\"Category\", SUM(o.\"Quantity\") AS q FROM sap.SALES_SPACE.\"SalesOrders\" o"
        + " JOIN sap.SALES_SPACE.\"Customers\" c ON c.\"CustomerID\" = o.\"CustomerID\""
        + " JOIN sap.SALES_SPACE.\"Products\" p ON p.\"ProductID\" = o.\"ProductID\" GROUP BY c.\"Country\", p.\"Category\"";
    String direct = "SELECT c.\"Country\", p.\"Category\", SUM(o.\"Quantity\") FROM \"SALES_SPACE$TEC\".\"SalesOrders_T\" o"
        + " JOIN \"SALES_SPACE$TEC\".\"Customers_T\" c ON c.\"CustomerID\" = o.\"CustomerID\""
        + " JOIN \"SALES_SPACE$TEC\".\"Products_T\" p ON p.\"ProductID\" = o.\"ProductID\" GROUP BY c.\"Country\", p.\"Category\"";
    Result r = run(sql);
    assertThat(r.rows()).containsExactlyInAnyOrderElementsOf(direct(direct));
    assertThat(r.sent()).hasSize(1);
    assertThat(r.sent().get(0)).contains("INNER JOIN");
  }

  @Test void unicodeLiteralsLimitAndOffsetAndDateArithmetic() throws Exception {
    Result names = run("SELECT \"CustomerID\" FROM sap.SALES_SPACE.\"Customers\" WHERE \"CustomerName\" = 'Kunde 9 Müller & Söhne'");
    assertThat(names.rows()).containsExactly(List.of("C00009"));
    assertThat(names.sent().get(0)).contains("N'Kunde 9 Müller & Söhne'");

    Result page = run("SELECT \"SalesOrderID\", \"Item\" FROM sap.SALES_SPACE.\"SalesOrders\""
        + " ORDER BY \"SalesOrderID\", \"Item\" LIMIT 3 OFFSET 4");
    assertThat(page.rows()).isEqualTo(direct("SELECT \"SalesOrderID\", \"Item\" FROM \"SALES_SPACE$TEC\".\"SalesOrders_T\""
        + " ORDER BY \"SalesOrderID\", \"Item\" LIMIT 3 OFFSET 4"));
    assertThat(page.sent().get(0).replaceAll("\\s+", " ")).contains("LIMIT 3 OFFSET 4");

    Result late = run("SELECT COUNT(*) FROM sap.SALES_SPACE.\"SalesOrders\""
        + " WHERE \"OrderDate\" + INTERVAL '10' DAY > DATE '2025-12-25'");
    assertThat(late.rows()).isEqualTo(direct("SELECT COUNT(*) FROM \"SALES_SPACE$TEC\".\"SalesOrders_T\""
        + " WHERE DATEADD(DAY, 10, \"OrderDate\") > DATE '2025-12-25'"));
    assertThat(late.sent().get(0)).contains("ADD_DAYS(\"OrderDate\", 10)");
  }

  @Test void functionHanaCannotWriteStaysInJunction() throws Exception {
    // Rounding a date to its month has no HANA form in the dialect: the rows come from HANA, the rounding
    // and the grouping by it happen in Junction.
    Result r = run("SELECT COUNT(*) AS n FROM sap.SALES_SPACE.\"SalesOrders\" GROUP BY FLOOR(\"OrderDate\" TO MONTH)"
        + " ORDER BY FLOOR(\"OrderDate\" TO MONTH)");
    assertThat(r.rows()).isEqualTo(direct("SELECT COUNT(*) FROM \"SALES_SPACE$TEC\".\"SalesOrders_T\""
        + " GROUP BY EXTRACT(MONTH FROM \"OrderDate\") ORDER BY EXTRACT(MONTH FROM \"OrderDate\")"));
    assertThat(r.sent()).hasSize(1);
    assertThat(r.sent().get(0)).doesNotContain("FLOOR").doesNotContain("GROUP BY");
  }

  /** Rows as text, and what the source received. */
  record Result(List<List<String>> rows, List<String> sent) {
  }

  private static Result run(String sql) throws SQLException {
    try (Connection c = GatewayFiles.connect(config); Statement s = c.createStatement()) {
      List<List<String>> rows = read(s.executeQuery(sql));
      List<String> sent = new ArrayList<>();
      for (SourceQuery q : s.unwrap(JunctionStatement.class).sourceQueries()) {
        sent.add(q.sql());
      }
      return new Result(rows, sent);
    }
  }

  private static List<List<String>> direct(String sql) throws SQLException {
    try (Connection c = space.direct(); Statement s = c.createStatement()) {
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
          row.add(v instanceof java.math.BigDecimal ? ((java.math.BigDecimal) v).stripTrailingZeros().toPlainString()
              : v == null ? null : v.toString());
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
