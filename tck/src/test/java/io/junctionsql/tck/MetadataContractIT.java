package io.junctionsql.tck;

import io.junctionsql.driver.fixtures.FederatedData;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DatabaseMetaData as a BI tool calls it when it browses a catalog (DBeaver's generic driver, for one),
 * with {@code "%"} where a tool passes it for a name, through every way in. Avatica's protocol has no
 * request for keys or functions: a remote client answers those itself, with no rows, and Junction's own
 * {@code junction.primary_keys} and {@code junction.imported_keys} tables carry them over any way in.
 */
class MetadataContractIT {
  static FederatedData data;
  static WaysIn ways;
  @TempDir static Path dir;

  @BeforeAll static void setUp() throws Exception {
    data = new FederatedData().withLake(dir);
    ways = new WaysIn(dir.resolve("gateway"), data.gatewayYaml());
  }

  @AfterAll static void tearDown() throws Exception {
    ways.close();
    data.close();
  }

  static List<String> ways() {
    return WaysIn.ALL;
  }

  private static List<String> column(ResultSet rs, String... labels) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        List<String> parts = new ArrayList<>();
        for (String label : labels) {
          parts.add(rs.getString(label));
        }
        out.add(String.join(".", parts));
      }
    }
    return out;
  }

  @ParameterizedTest @MethodSource("ways")
  void aToolBrowsesTheCatalog(String way) throws Exception {
    try (Connection c = ways.connect(way)) {
      DatabaseMetaData md = c.getMetaData();
      assertThat(column(md.getCatalogs(), "TABLE_CAT")).contains("crm", "lake", "sap");
      assertThat(column(md.getSchemas("sap", "%"), "TABLE_SCHEM")).contains("master", "sales");
      assertThat(column(md.getSchemas(null, "%"), "TABLE_CATALOG", "TABLE_SCHEM"))
          .contains("sap.master", "crm.MARKETING", "lake.marketing");
      assertThat(column(md.getTables(null, "%", "%", null), "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME"))
          .contains("sap.master.customers", "sap.sales.orders", "crm.MARKETING.CAMPAIGN_EVENTS",
              "lake.marketing.events");
      assertThat(column(md.getTables("sap", "master", "%", new String[] {"TABLE", "VIEW"}), "TABLE_NAME"))
          .containsExactlyInAnyOrder("countries", "customers", "products");
      assertThat(column(md.getColumns("sap", "master", "customers", "%"), "COLUMN_NAME", "TYPE_NAME"))
          .hasSize(4).first().asString().startsWith("customer_id.");
      try (ResultSet rs = md.getColumns("sap", "master", "customers", "%")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt("DATA_TYPE")).isEqualTo(java.sql.Types.INTEGER);
        assertThat(rs.getString("IS_NULLABLE")).isIn("NO", "YES");
        assertThat(rs.getInt("ORDINAL_POSITION")).isEqualTo(1);
      }
      assertThat(column(md.getTypeInfo(), "TYPE_NAME")).contains("INTEGER", "VARCHAR", "DECIMAL", "TIMESTAMP");
      assertThat(column(md.getTableTypes(), "TABLE_TYPE")).contains("TABLE");
    }
  }

  @ParameterizedTest @MethodSource("ways")
  void keysComeFromTheDriverEmbeddedAndFromJunctionsTablesEverywhere(String way) throws Exception {
    try (Connection c = ways.connect(way)) {
      DatabaseMetaData md = c.getMetaData();
      List<String> keys = column(md.getPrimaryKeys("sap", "master", "customers"), "COLUMN_NAME");
      if (WaysIn.remote(way)) {
        assertThat(keys).as("Avatica's client answers keys itself, with nothing").isEmpty();
      } else {
        assertThat(keys).containsExactly("customer_id");
        assertThat(column(md.getPrimaryKeys("sap", "%", "%"), "TABLE_NAME", "COLUMN_NAME"))
            .contains("customers.customer_id", "products.product_id", "orders.order_id");
      }
      try (Statement s = c.createStatement()) {
        assertThat(column(s.executeQuery("SELECT TABLE_NAME, COLUMN_NAME FROM junction.primary_keys "
            + "WHERE TABLE_CAT = 'sap' ORDER BY TABLE_NAME"), "TABLE_NAME", "COLUMN_NAME"))
            .containsExactly("countries.code", "customers.customer_id", "orders.order_id", "products.product_id");
      }
    }
  }
}
