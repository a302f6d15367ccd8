package io.junctionsql.tck;

import io.junctionsql.driver.fixtures.FederatedData;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDBC calls applications make, answered alike by every way in: result metadata, max rows,
 * re-executed prepared statements, update counts, and the SQLStates of refused statements.
 */
class JdbcApiAcrossWaysInIT {
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

  /** What each way in answers to the same calls, to compare them. */
  private static Map<String, List<String>> byWay(Probe probe) throws Exception {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String way : WaysIn.ALL) {
      try (Connection c = ways.connect(way)) {
        out.put(way, probe.run(c));
      }
    }
    return out;
  }

  private interface Probe {
    List<String> run(Connection c) throws Exception;
  }

  private static void sameEverywhere(Map<String, List<String>> answers) {
    List<String> embedded = answers.get("embedded");
    assertThat(embedded).as("the probe saw something").isNotEmpty();
    answers.forEach((way, answer) -> assertThat(answer).as(way).isEqualTo(embedded));
  }

  @Test void resultMetadataIsTheSame() throws Exception {
    sameEverywhere(byWay(c -> {
      List<String> out = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT o.order_id, o.amount, o.order_date, c.name, e.cost, e.event_time "
              + "FROM sap.sales.orders o JOIN sap.master.customers c ON c.customer_id = o.customer_id "
              + "JOIN lake.marketing.events e ON e.customer_id = c.customer_id WHERE o.order_id < 0")) {
        ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          out.add(md.getColumnLabel(i) + " " + md.getColumnType(i) + " " + md.getColumnTypeName(i) + " "
              + md.getPrecision(i) + "," + md.getScale(i) + " nullable=" + md.isNullable(i)
              + " class=" + md.getColumnClassName(i));
        }
      }
      return out;
    }));
  }

  @Test void maxRowsAndPreparedReexecutionBehaveAlike() throws Exception {
    sameEverywhere(byWay(c -> {
      List<String> out = new ArrayList<>();
      try (Statement s = c.createStatement()) {
        s.setMaxRows(7);
        try (ResultSet rs = s.executeQuery("SELECT order_id FROM sap.sales.orders ORDER BY order_id")) {
          int n = 0;
          while (rs.next()) {
            n++;
          }
          out.add("max rows 7 gave " + n);
        }
        out.add("update count after a query " + s.getUpdateCount());
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT COUNT(*), SUM(amount) FROM sap.sales.orders WHERE customer_id = ? AND status = ?")) {
        for (int customer : new int[] {3, 77, 150}) {
          for (String status : new String[] {"OPEN", "BILLED"}) {
            ps.setInt(1, customer);
            ps.setString(2, status);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              out.add(customer + " " + status + " " + rs.getLong(1) + " " + rs.getBigDecimal(2));
            }
          }
        }
      }
      return out;
    }));
  }

  @Test void refusedStatementsCarryTheSameSqlState() throws Exception {
    Map<String, List<String>> answers = byWay(c -> {
      List<String> out = new ArrayList<>();
      for (String sql : new String[] {"INSERT INTO sap.master.customers VALUES (999, 'x', 'DE', NULL)",
          "SELEC 1", "SELECT nope FROM sap.master.customers", "SELECT * FROM sap.master.nothing"}) {
        try (Statement s = c.createStatement()) {
          s.executeQuery(sql).close();
          out.add(sql + " -> no error");
        } catch (SQLException e) {
          out.add(sql + " -> " + e.getSQLState());
        }
      }
      return out;
    });
    sameEverywhere(answers);
    assertThat(answers.get("embedded")).containsExactly(
        "INSERT INTO sap.master.customers VALUES (999, 'x', 'DE', NULL) -> 25006", "SELEC 1 -> 42601",
        "SELECT nope FROM sap.master.customers -> 42703", "SELECT * FROM sap.master.nothing -> 42P01");
  }
}
