package io.junctionsql.driver;

import io.junctionsql.driver.fixtures.FederatedData;
import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.driver.fixtures.PostgresDatabases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How Junction orders joins between sources: PostgreSQL's column statistics reach the planner's estimates, a
 * join of five or more tables is planned without enumerating every order, hash joins keep their smaller input in
 * memory, and the answers equal the oracle's (the same data in one PostgreSQL database).
 */
class JoinOrderIT {
  /** Orders of customers with their products and campaign events, and every other customer of their country. */
  private static final String FIVE = "SELECT o.order_id, p.category, e.campaign, c2.customer_id AS neighbour"
      + " FROM %1$s.sales.orders o JOIN %1$s.master.customers c ON c.customer_id = o.customer_id"
      + " JOIN %1$s.master.products p ON p.product_id = o.product_id"
      + " JOIN %2$s e ON e.customer_id = c.customer_id"
      + " JOIN %1$s.master.customers c2 ON c2.country = c.country"
      + " WHERE o.order_id <= 100040 AND e.channel = 'email' AND c2.segment = 'SMB'";
  private static final Pattern HASH_JOIN_INPUT_ROWS = Pattern.compile("rowcount = ([0-9.E]+)");

  private static FederatedData data;
  @TempDir static Path dir;
  private static Path config;

  @BeforeAll static void setUp() throws Exception {
    data = new FederatedData();
    PostgresDatabases.run(data.sapUrl, "ANALYZE;\n");
    config = data.writeGateway(dir);
  }

  @AfterAll static void tearDown() throws Exception {
    data.close();
  }

  @Test void postgresDistinctValuesEstimateAJoinOnACategoryColumn() throws Exception {
    double countries = single(data.sapUrl, "SELECT n_distinct FROM pg_stats WHERE schemaname = 'master'"
        + " AND tablename = 'customers' AND attname = 'country'");
    assertThat(countries).as("PostgreSQL's estimate of the countries").isBetween(2.0, 50.0);
    String plan = explainWithEstimates("SELECT c.customer_id, c2.customer_id FROM sap.master.customers c"
        + " JOIN sap.master.customers c2 ON c2.country = c.country");
    double customers = FederatedData.CUSTOMERS;
    assertThat(firstRowCount(plan)).as("customers x customers / countries, not 15%% of the cross product")
        .isCloseTo(customers * customers / countries, org.assertj.core.data.Percentage.withPercentage(1));
  }

  /**
   * Orders of one country's customers: each order's customer is one of all customers, so the join keeps the
   * orders in the share of customer keys the filter leaves, not all 5000 orders.
   */
  @Test void aFilteredDimensionShrinksItsJoinByItsShareOfTheKeys() throws Exception {
    double customerKeys = single(data.sapUrl, "SELECT n_distinct FROM pg_stats WHERE schemaname = 'sales'"
        + " AND tablename = 'orders' AND attname = 'customer_id'");
    customerKeys = customerKeys < 0 ? -customerKeys * FederatedData.ORDERS : customerKeys;
    String plan = explainWithEstimates("SELECT o.order_id FROM sap.sales.orders o"
        + " JOIN sap.master.customers c ON c.customer_id = o.customer_id WHERE c.name LIKE 'Customer 1%'");
    double filtered = rowCount(plan.lines().filter(l -> l.contains("JdbcFilter")).findFirst().orElseThrow());
    double join = rowCount(plan.lines().filter(l -> l.contains("JdbcJoin")).findFirst().orElseThrow());
    assertThat(filtered).as("customers estimated after the filter").isLessThan(FederatedData.CUSTOMERS);
    assertThat(join).as("orders x filtered customers / the orders' customer keys")
        .isCloseTo(FederatedData.ORDERS * filtered / customerKeys, org.assertj.core.data.Percentage.withPercentage(1));
  }

  /**
   * H2 reports no distinct counts for the events' customer column, so the share of events that find one of the
   * filtered customers is the filtered customers' share of the whole customers table, where the key comes from.
   */
  @Test void withoutDistinctCountsTheDimensionsShareOfItsTableShrinksTheJoin() throws Exception {
    String plan = explainWithEstimates("SELECT e.event_id FROM crm.marketing.campaign_events e"
        + " JOIN sap.master.customers c ON c.customer_id = e.customer_id WHERE c.name LIKE 'Customer 1%'");
    double filtered = rowCount(plan.lines().filter(l -> l.contains("JdbcFilter")).findFirst().orElseThrow());
    double join = firstRowCount(plan);
    assertThat(filtered).as("customers estimated after the filter").isLessThan(FederatedData.CUSTOMERS);
    assertThat(join).as("events x filtered customers / all customers\n" + plan)
        .isCloseTo(FederatedData.EVENTS * filtered / FederatedData.CUSTOMERS,
            org.assertj.core.data.Percentage.withPercentage(1));
  }

  @Test void aFiveTableJoinAcrossSourcesGivesTheOraclesRows() throws Exception {
    String federated = String.format(FIVE, "sap", "crm.marketing.campaign_events");
    List<String> expected;
    try (Connection oracle = PostgresDatabases.connect(data.oracleUrl)) {
      expected = rows(oracle, String.format(FIVE, "public", "marketing.campaign_events").replace("public.", ""));
    }
    assertThat(expected).as("the oracle's answer is not empty").isNotEmpty();
    try (Connection c = GatewayFiles.connect(config)) {
      assertThat(rows(c, federated)).isEqualTo(expected);
      String plan = explainWithEstimates(c, federated);
      assertThat(plan).as("no merge join: it would sort both inputs in memory").doesNotContain("MergeJoin");
      assertThat(plan).contains("EnumerableHashJoin");
    }
  }

  @Test void hashJoinsKeepTheirSmallerInputInMemory() throws Exception {
    String federated = String.format(FIVE, "sap", "crm.marketing.campaign_events");
    try (Connection c = GatewayFiles.connect(config)) {
      List<String> lines = List.of(explainWithEstimates(c, federated).split("\n"));
      int checked = 0;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).trim();
        if (!(line.startsWith("EnumerableHashJoin") || line.startsWith("KeyReducedJoin"))
            || !line.contains("joinType=[inner]")) {
          continue;
        }
        int indent = indent(lines.get(i)) + 2;
        List<Double> inputs = new ArrayList<>();
        for (int j = i + 1; j < lines.size() && indent(lines.get(j)) >= indent; j++) {
          if (indent(lines.get(j)) == indent) {
            inputs.add(rowCount(lines.get(j)));
          }
        }
        assertThat(inputs).as("the two inputs of " + lines.get(i).trim()).hasSize(2);
        assertThat(inputs.get(1)).as("the build (right) side of " + lines.get(i).trim())
            .isLessThanOrEqualTo(inputs.get(0));
        checked++;
      }
      assertThat(checked).as("inner hash joins in the plan").isPositive();
    }
  }

  private static int indent(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }

  private static double rowCount(String line) {
    Matcher m = HASH_JOIN_INPUT_ROWS.matcher(line);
    if (!m.find()) {
      throw new AssertionError("no estimate in " + line);
    }
    return Double.parseDouble(m.group(1));
  }

  private static double firstRowCount(String plan) {
    return rowCount(plan.lines().filter(l -> l.contains("Join")).findFirst().orElseThrow());
  }

  private static String explainWithEstimates(String sql) throws SQLException {
    try (Connection c = GatewayFiles.connect(config)) {
      return explainWithEstimates(c, sql);
    }
  }

  private static String explainWithEstimates(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("EXPLAIN PLAN INCLUDING ALL ATTRIBUTES FOR " + sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static double single(String url, String sql) throws SQLException {
    try (Connection c = PostgresDatabases.connect(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getDouble(1);
    }
  }

  private static List<String> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(i > 1 ? " | " : "").append(rs.getObject(i));
        }
        out.add(row.toString());
      }
      Collections.sort(out);
      return out;
    }
  }
}
