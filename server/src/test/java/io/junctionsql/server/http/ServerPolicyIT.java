package io.junctionsql.server.http;

import io.junctionsql.driver.fixtures.FederatedData;
import io.junctionsql.driver.fixtures.PostgresDatabases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The policy applies to remote clients by the identity the server authenticated (groups from the users
 * file), on queries and on the DatabaseMetaData calls BI tools make, with either serialization.
 */
class ServerPolicyIT {
  @TempDir static Path dir;
  static FederatedData data;
  static ServerFixture fixture;

  @BeforeAll static void start() throws Exception {
    data = new FederatedData();
    fixture = ServerFixture.start(dir, "",
        "sources:\n  sap:\n    kind: jdbc\n    url: " + data.sapUrl + "\n    user: postgres\n"
            + "policies:\n"
            + "  - name: analysts\n    groups: [analysts]\n"
            + "    read: [\"sap.master.customers\", \"sap.sales.orders\"]\n"
            + "    hide: [\"sap.master.customers.segment\"]\n"
            + "    mask:\n      sap.master.customers.name: redact\n"
            + "    row_filters:\n      sap.sales.orders: \"customer_id < 50\"\n");
  }

  @AfterAll static void stop() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
    data.close();
  }

  private static long oracleCount(String sql) throws SQLException {
    try (Connection c = PostgresDatabases.connect(data.oracleUrl); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> column(ResultSet rs, String... labels) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (String label : labels) {
          b.append(b.length() == 0 ? "" : ".").append(rs.getString(label));
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  @ParameterizedTest @ValueSource(strings = {"protobuf", "json"})
  void queriesSeeOnlyWhatTheGroupMayRead(String serialization) throws Exception {
    try (Connection c = fixture.alice(serialization); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT * FROM sap.master.customers")) {
        ResultSetMetaData md = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          columns.add(md.getColumnLabel(i));
        }
        assertThat(columns).containsExactly("customer_id", "name", "country");
        int rows = 0;
        while (rs.next()) {
          assertThat(rs.getString("name")).isEqualTo("****");
          rows++;
        }
        assertThat(rows).isEqualTo(FederatedData.CUSTOMERS);
      }
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM (SELECT o.order_id FROM sap.sales.orders o "
          + "JOIN sap.master.customers c ON c.customer_id = o.customer_id)")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(oracleCount("SELECT COUNT(*) FROM sales.orders WHERE customer_id < 50"));
      }
      assertThatThrownBy(() -> s.executeQuery("SELECT segment FROM sap.master.customers"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42703"));
      assertThatThrownBy(() -> s.executeQuery("SELECT * FROM sap.master.products"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
    }
  }

  @ParameterizedTest @ValueSource(strings = {"protobuf", "json"})
  void metadataShowsOnlyWhatTheGroupMayRead(String serialization) throws Exception {
    try (Connection c = fixture.alice(serialization)) {
      DatabaseMetaData md = c.getMetaData();
      assertThat(column(md.getTables("sap", "%", "%", null), "TABLE_SCHEM", "TABLE_NAME"))
          .containsExactlyInAnyOrder("master.customers", "sales.orders");
      assertThat(column(md.getColumns("sap", "%", "customers", "%"), "COLUMN_NAME"))
          .containsExactly("customer_id", "name", "country");
      // Avatica's protocol has no request for keys: remote clients read them from Junction's own catalog.
      try (Statement s = c.createStatement()) {
        assertThat(column(s.executeQuery("SELECT COLUMN_NAME FROM junction.primary_keys WHERE TABLE_CAT = 'sap' "
            + "AND TABLE_NAME = 'customers'"), "COLUMN_NAME")).containsExactly("customer_id");
        assertThat(column(s.executeQuery("SELECT TABLE_NAME FROM junction.tables WHERE TABLE_CAT = 'sap'"),
            "TABLE_NAME")).containsExactlyInAnyOrder("customers", "orders");
      }
    }
  }

  @ParameterizedTest @ValueSource(strings = {"protobuf", "json"})
  void aUserNoRuleMatchesSeesNothing(String serialization) throws Exception {
    try (Connection c = fixture.bob(serialization); Statement s = c.createStatement()) {
      assertThat(column(c.getMetaData().getTables("sap", "%", "%", null), "TABLE_NAME")).isEmpty();
      assertThatThrownBy(() -> s.executeQuery("SELECT COUNT(*) FROM sap.sales.orders"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"));
    }
  }
}
