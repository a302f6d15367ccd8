package io.junctionsql.driver.datasphere;

import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.driver.fixtures.HanaEmulation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A Datasphere space (emulated) with its CSN: keys, associations and labels in JDBC metadata, column
 * roles in {@code junction.semantics_columns}, and the currency rule in each of its three modes.
 */
class DatasphereSemanticsIT {
  private static HanaEmulation space;
  @TempDir static Path dir;

  @BeforeAll static void setUp() throws Exception {
    space = new HanaEmulation(true);
    for (String csn : new String[] {"sales_space.json", "stale_customers.json"}) {
      Files.copy(DatasphereSemanticsIT.class.getResourceAsStream("/csn/" + csn), dir.resolve(csn));
    }
  }

  @AfterAll static void tearDown() throws Exception {
    space.close();
  }

  private static Path gateway(String mode) {
    return GatewayFiles.write(dir, mode + ".yaml", "sources:\n" + space.sourceYaml("sap",
        "    semantics: sales_space.json\n    semantics-mode: " + mode + "\n"));
  }

  @Test void keysAssociationsAndLabelsReachJdbcMetadata() throws Exception {
    try (Connection c = GatewayFiles.connect(gateway("strict"))) {
      DatabaseMetaData md = c.getMetaData();
      assertThat(column(md.getPrimaryKeys("sap", "SALES_SPACE", "SalesOrders"), "COLUMN_NAME"))
          .containsExactly("SalesOrderID", "Item");
      assertThat(column(md.getPrimaryKeys("sap", "SALES_SPACE", "Customers"), "COLUMN_NAME"))
          .containsExactly("CustomerID");
      List<String> imported = new ArrayList<>();
      try (ResultSet rs = md.getImportedKeys("sap", "SALES_SPACE", "SalesOrders")) {
        while (rs.next()) {
          imported.add(rs.getString("FKCOLUMN_NAME") + "->" + rs.getString("PKTABLE_NAME") + "."
              + rs.getString("PKCOLUMN_NAME") + " (" + rs.getString("FK_NAME") + ")");
        }
      }
      assertThat(imported).containsExactlyInAnyOrder("CustomerID->Customers.CustomerID (_Customer)",
          "ProductID->Products.ProductID (_Product)");
      assertThat(column(md.getExportedKeys("sap", "SALES_SPACE", "Customers"), "FKTABLE_NAME"))
          .containsExactly("SalesOrders");
      assertThat(column(md.getTables("sap", "SALES_SPACE", "SalesOrders", null), "REMARKS"))
          .containsExactly("Sales Orders");
      assertThat(column(md.getColumns("sap", "SALES_SPACE", "SalesOrders", "NetAmount"), "REMARKS"))
          .containsExactly("Net Amount");
    }
  }

  @Test void columnRolesAreQueryable() throws Exception {
    try (Connection c = GatewayFiles.connect(gateway("strict")); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT COLUMN_NAME, ROLE, AGGREGATION, CURRENCY_COLUMN, UNIT_COLUMN,"
             + " IS_CURRENCY_CODE, PERSONAL_DATA FROM junction.semantics_columns WHERE TABLE_CAT = 'sap'"
             + " ORDER BY TABLE_NAME, COLUMN_NAME")) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
            + rs.getString(5) + "|" + rs.getBoolean(6) + "|" + rs.getBoolean(7));
      }
      assertThat(rows).contains("NetAmount|MEASURE|SUM|Currency|null|false|false",
          "Quantity|MEASURE|SUM|null|Unit|false|false", "Currency|ATTRIBUTE|null|null|null|true|false",
          "SalesOrderID|KEY|null|null|null|false|false", "CustomerName|ATTRIBUTE|null|null|null|false|true");
    }
  }

  @Test void summingAcrossCurrenciesIsRefusedInStrictMode() {
    SQLException e = catchThrowableOfType(SQLException.class, () -> query(gateway("strict"),
        "SELECT \"Country\", SUM(\"NetAmount\") FROM sap.SALES_SPACE.\"SalesOrders\" o"
            + " JOIN sap.SALES_SPACE.\"Customers\" c ON c.\"CustomerID\" = o.\"CustomerID\" GROUP BY \"Country\""));
    assertThat(e.getSQLState()).isEqualTo("42JS1");
    assertThat(e.getMessage()).contains("SUM(NetAmount)").contains("different currencies")
        .contains("column Currency").contains("Group by Currency");
    SQLException units = catchThrowableOfType(SQLException.class, () -> query(gateway("strict"),
        "SELECT AVG(\"Quantity\") FROM sap.SALES_SPACE.\"SalesOrders\""));
    assertThat(units.getMessage()).contains("different units").contains("column Unit");
  }

  @Test void groupingByOrFixingTheCurrencyPassesInStrictMode() throws Exception {
    assertThat(query(gateway("strict"), "SELECT \"Currency\", SUM(\"NetAmount\") FROM sap.SALES_SPACE.\"SalesOrders\""
        + " GROUP BY \"Currency\"").rows()).hasSize(3);
    assertThat(query(gateway("strict"), "SELECT SUM(\"NetAmount\") FROM sap.SALES_SPACE.\"SalesOrders\""
        + " WHERE \"Currency\" = 'EUR'").rows()).hasSize(1);
    assertThat(query(gateway("strict"), "SELECT SUM(\"Quantity\") FROM sap.SALES_SPACE.\"SalesOrders\""
        + " WHERE \"Unit\" = 'KG'").rows()).hasSize(1);
  }

  @Test void convertedAmountsMaySumAcrossCurrenciesAndConvertInHana() throws Exception {
    try (Connection c = GatewayFiles.connect(gateway("strict")); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR SELECT c.\"Country\","
             + " SUM(convert_currency(o.\"NetAmount\", o.\"Currency\", 'EUR', o.\"OrderDate\")) AS eur"
             + " FROM sap.SALES_SPACE.\"SalesOrders\" o JOIN sap.SALES_SPACE.\"Customers\" c"
             + " ON c.\"CustomerID\" = o.\"CustomerID\" GROUP BY c.\"Country\"")) {
      rs.next();
      assertThat(rs.getString(1).replaceAll("\\s+", " ")).contains("CONVERT_CURRENCY(\"AMOUNT\" => \"t\".\"NetAmount\","
          + " \"SOURCE_UNIT\" => \"t\".\"Currency\", \"TARGET_UNIT\" => 'EUR', \"REFERENCE_DATE\" => \"t\".\"OrderDate\","
          + " \"CLIENT\" => '000')").contains("SUM(");
    }
  }

  @Test void convertCurrencyCannotRunOutsideHana() {
    Path pg = GatewayFiles.write(dir, "h2.yaml", "sources:\n  plain:\n    kind: jdbc\n    url: \"" + space.url
        + "\"\n    user: \"SALES_SPACE#READER\"\n");
    SQLException e = catchThrowableOfType(SQLException.class, () -> query(pg,
        "SELECT SUM(convert_currency(\"NetAmount\", \"Currency\", 'EUR', \"OrderDate\")) FROM plain.SALES_SPACE.\"SalesOrders\""));
    assertThat(e.getSQLState()).isEqualTo("0A000");
    assertThat(e.getMessage()).contains("convert_currency").contains("Datasphere");
  }

  @Test void warnModeAnswersWithAWarning() throws Exception {
    Result r = query(gateway("warn"), "SELECT SUM(\"NetAmount\") FROM sap.SALES_SPACE.\"SalesOrders\"");
    assertThat(r.rows()).hasSize(1);
    assertThat(r.warnings()).anyMatch(w -> w.contains("different currencies"));
    Result clean = query(gateway("warn"), "SELECT \"Currency\", SUM(\"NetAmount\") FROM sap.SALES_SPACE.\"SalesOrders\""
        + " GROUP BY \"Currency\"");
    assertThat(clean.warnings()).isEmpty();
  }

  @Test void offModeLetsItThrough() throws Exception {
    Result r = query(gateway("off"), "SELECT SUM(\"NetAmount\") FROM sap.SALES_SPACE.\"SalesOrders\"");
    assertThat(r.rows()).hasSize(1);
    assertThat(r.warnings()).isEmpty();
  }

  @Test void csnThatDoesNotMatchTheViewIsReported() {
    Path stale = GatewayFiles.write(dir, "stale.yaml", "sources:\n" + space.sourceYaml("sap",
        "    semantics: stale_customers.json\n"));
    SQLException e = catchThrowableOfType(SQLException.class, () -> query(stale,
        "SELECT * FROM sap.SALES_SPACE.\"Customers\""));
    assertThat(e.getSQLState()).isEqualTo("F0000");
    assertThat(e.getMessage()).contains("stale_customers.json").contains("Customers").contains("Region");
  }

  /** Rows and warnings. */
  record Result(List<String> rows, List<String> warnings) {
  }

  private static Result query(Path config, String sql) throws SQLException {
    try (Connection c = GatewayFiles.connect(config); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery(sql)) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
      List<String> warnings = new ArrayList<>();
      for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
        warnings.add(w.getMessage());
      }
      return new Result(rows, warnings);
    }
  }

  static List<String> column(ResultSet rs, String name) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        out.add(rs.getString(name));
      }
    }
    return out;
  }
}
