package io.junctionsql.driver;

import io.junctionsql.driver.fixtures.FederatedData;
import io.junctionsql.driver.fixtures.GatewayFiles;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JDBC metadata as BI tools call it: the catalog is the source, the schema the source's schema,
 * with "%" accepted where tools pass it.
 */
class DatabaseMetaDataIT {
  private static FederatedData data;
  private static Connection connection;
  private static DatabaseMetaData md;
  @TempDir static Path dir;

  @BeforeAll static void setUp() throws Exception {
    data = new FederatedData();
    connection = GatewayFiles.connect(data.writeGateway(dir));
    md = connection.getMetaData();
  }

  @AfterAll static void tearDown() throws Exception {
    connection.close();
    data.close();
  }

  @Test void catalogsAreTheSources() throws SQLException {
    assertThat(column(md.getCatalogs(), "TABLE_CAT")).containsExactly("crm", "sap");
    assertThat(md.getCatalogTerm()).isEqualTo("source");
  }

  @Test void schemasOfOneSource() throws SQLException {
    assertThat(column(md.getSchemas("sap", null), "TABLE_SCHEM")).contains("master", "sales", "public")
        .doesNotContain("pg_catalog", "information_schema");
    assertThat(column(md.getSchemas("crm", "MARK%"), "TABLE_SCHEM")).containsExactly("MARKETING");
    assertThat(column(md.getSchemas(), "TABLE_CATALOG")).contains("sap", "crm");
  }

  @Test void tablesWithToolPatterns() throws SQLException {
    List<String> all = new ArrayList<>();
    try (ResultSet rs = md.getTables("%", "%", "%", new String[] {"TABLE", "VIEW"})) {
      while (rs.next()) {
        all.add(rs.getString("TABLE_CAT") + "." + rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME")
            + ":" + rs.getString("TABLE_TYPE"));
      }
    }
    assertThat(all).containsExactlyInAnyOrder("sap.master.customers:TABLE", "sap.master.products:TABLE",
        "sap.master.countries:TABLE",
        "sap.sales.orders:TABLE", "crm.MARKETING.CAMPAIGN_EVENTS:TABLE");
    assertThat(column(md.getTables("sap", "sales", "ord%", null), "TABLE_NAME")).containsExactly("orders");
    assertThat(column(md.getTables(null, null, "CAMPAIGN\\_EVENTS", null), "TABLE_CAT")).containsExactly("crm");
    assertThat(column(md.getTables("sap", "sales", "no_such", null), "TABLE_NAME")).isEmpty();
  }

  @Test void columnsWithTypesAndOrder() throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = md.getColumns("sap", "sales", "orders", "%")) {
      while (rs.next()) {
        names.add(rs.getString("COLUMN_NAME"));
        assertThat(rs.getInt("ORDINAL_POSITION")).isEqualTo(names.size());
        if (rs.getString("COLUMN_NAME").equals("amount")) {
          assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.DECIMAL);
          assertThat(rs.getInt("COLUMN_SIZE")).isEqualTo(15);
          assertThat(rs.getInt("DECIMAL_DIGITS")).isEqualTo(2);
          assertThat(rs.getString("IS_NULLABLE")).isEqualTo("YES");
        }
        if (rs.getString("COLUMN_NAME").equals("order_id")) {
          assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.BIGINT);
          assertThat(rs.getInt("NULLABLE")).isEqualTo(DatabaseMetaData.columnNoNulls);
        }
      }
    }
    assertThat(names).containsExactly("order_id", "customer_id", "product_id", "order_date", "quantity", "amount",
        "currency", "status");
  }

  @Test void primaryKeysOfSourceTables() throws SQLException {
    assertThat(column(md.getPrimaryKeys("sap", "master", "customers"), "COLUMN_NAME")).containsExactly("customer_id");
    assertThat(column(md.getPrimaryKeys("crm", "MARKETING", "CAMPAIGN_EVENTS"), "COLUMN_NAME"))
        .containsExactly("EVENT_ID");
    assertThat(column(md.getPrimaryKeys(null, "%", "%"), "TABLE_NAME")).contains("customers", "products", "orders",
        "CAMPAIGN_EVENTS");
  }

  @Test void metadataLeadsBackToJunction() throws SQLException {
    assertThat(md.getConnection()).isSameAs(connection);
    try (ResultSet rs = md.getCatalogs()) {
      assertThat(rs.getStatement().getConnection()).isSameAs(connection);
    }
  }

  private static List<String> column(ResultSet rs, String name) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        out.add(rs.getString(name));
      }
    }
    return out;
  }
}
