package io.junctionsql.driver;

import io.junctionsql.driver.fixtures.FederatedData;
import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.driver.fixtures.SourceRuns;
import io.junctionsql.driver.fixtures.SourceRuns.Run;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

import static io.junctionsql.driver.fixtures.SourceRuns.explain;
import static io.junctionsql.driver.fixtures.SourceRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Aggregation below a join between sources: the H2 fact ({@code crm}, 3000 campaign events) joined to
 * the PostgreSQL dimension ({@code sap}, customers keyed by {@code customer_id}) and grouped by a
 * dimension column is first grouped by the join key in H2, which sends one row per customer instead of
 * every event; answers equal the oracle's (the same data in one PostgreSQL database). Joins that add no
 * column and whose key is unique are not run at all.
 */
class AggregateBelowJoinIT {
  private static final String BY_COUNTRY = "SELECT c.country, SUM(e.cost), COUNT(*), AVG(e.cost), MIN(e.cost),"
      + " MAX(e.event_id), COUNT(e.channel) FROM %s e JOIN %s c ON e.customer_id = c.customer_id GROUP BY c.country";
  private static final String EVENTS = "crm.marketing.campaign_events";
  private static final String CUSTOMERS = "sap.master.customers";

  private static FederatedData data;
  @TempDir static Path dir;
  private static Path config;

  @BeforeAll static void setUp() throws Exception {
    data = new FederatedData();
    config = data.writeGateway(dir);
  }

  @AfterAll static void tearDown() throws Exception {
    data.close();
  }

  @Test void theFactSourceGroupsByTheJoinKey() throws Exception {
    assertThat(oracleOf(BY_COUNTRY)).hasSize(6);
    try (Connection c = GatewayFiles.connect(config)) {
      Run run = answeredAsTheOracle(c, BY_COUNTRY);
      assertThat(run.sqlOf("crm")).as("the SQL H2 received").contains("GROUP BY").contains("SUM(")
          .contains("\"CUSTOMER_ID\"");
      // One row per customer with events; a merge join stops reading once the customers run out.
      assertThat(run.rowsRead().get("crm")).as("rows read from H2, of " + FederatedData.EVENTS + " events")
          .isBetween((long) FederatedData.CUSTOMERS, distinctEventCustomers());
    }
  }

  @Test void explainShowsTheAggregateBelowTheJoin() throws Exception {
    try (Connection c = GatewayFiles.connect(config)) {
      String plan = explain(c, String.format(BY_COUNTRY, EVENTS, CUSTOMERS));
      assertThat(plan).containsPattern("(?s)Join.*JdbcAggregate\\(group=\\[\\{");
      assertThat(plan).containsPattern("(?s)crm.*GROUP BY");
    }
  }

  @Test void theFactsOwnGroupingColumnsAndFiltersOnBothSidesStayRight() throws Exception {
    String query = "SELECT c.segment, e.channel, SUM(e.cost), COUNT(*), AVG(e.cost) FROM %s e JOIN %s c"
        + " ON e.customer_id = c.customer_id WHERE c.country <> 'US' AND e.campaign <> 'Spring Launch'"
        + " GROUP BY c.segment, e.channel";
    assertThat(oracleOf(query)).hasSizeGreaterThan(10);
    try (Connection c = GatewayFiles.connect(config)) {
      Run run = answeredAsTheOracle(c, query);
      assertThat(run.sqlOf("crm")).contains("GROUP BY").contains("\"CHANNEL\"");
      assertThat(run.rowsRead().get("crm")).isLessThan(FederatedData.EVENTS / 2);
    }
  }

  /** A total without groups, a total of no rows (NULL sum, zero count), and groups by the dimension's key. */
  @Test void totalsEmptyTotalsAndGroupsByTheKeyStayRight() throws Exception {
    String join = " FROM %s e JOIN %s c ON e.customer_id = c.customer_id";
    List<String> queries = List.of("SELECT SUM(e.cost), COUNT(*), AVG(e.cost), MAX(e.campaign)" + join,
        "SELECT c.customer_id, c.name, SUM(e.cost), COUNT(*)" + join + " GROUP BY c.customer_id, c.name");
    try (Connection c = GatewayFiles.connect(config)) {
      for (String query : queries) {
        assertThat(answeredAsTheOracle(c, query).sqlOf("crm")).as(query).contains("GROUP BY");
      }
      // No customer matches: semi-join reduction then sends H2 nothing; the total is one row of NULL and 0.
      assertThat(answeredAsTheOracle(c, "SELECT SUM(e.cost), COUNT(*), AVG(e.cost)" + join
          + " WHERE c.country = 'XX'").rows()).containsExactly("null | 0 | null");
    }
  }

  @Test void aDistinctCountIsNotAddedUpFromPartialCounts() throws Exception {
    String query = "SELECT c.country, COUNT(DISTINCT e.campaign), COUNT(DISTINCT e.customer_id), SUM(e.cost)"
        + " FROM %s e JOIN %s c ON e.customer_id = c.customer_id GROUP BY c.country";
    try (Connection c = GatewayFiles.connect(config)) {
      answeredAsTheOracle(c, query);
    }
  }

  @Test void switchedOffTheFactIsReadWholeWithTheSameAnswer() throws Exception {
    try (Connection c = switchedOff()) {
      Run run = answeredAsTheOracle(c, BY_COUNTRY);
      assertThat(run.sqlOf("crm")).doesNotContain("GROUP BY");
      assertThat(run.rowsRead().get("crm")).isEqualTo(FederatedData.EVENTS);
    }
  }

  @Test void anOuterJoinThatAddsNoColumnToAUniqueKeyIsNotRun() throws Exception {
    String query = "SELECT e.event_id, e.campaign FROM %s e LEFT JOIN %s c ON e.customer_id = c.customer_id"
        + " WHERE e.event_id <= 100";
    try (Connection c = GatewayFiles.connect(config)) {
      assertThat(answeredAsTheOracle(c, query).sent()).as("statements sent").allMatch(q -> q.source().equals("crm"));
    }
  }

  /** Distinct values of one side do not depend on how many rows of the other side each row meets. */
  @Test void anOuterJoinBelowADistinctOnlyAggregateIsNotRun() throws Exception {
    String query = "SELECT e.channel, COUNT(DISTINCT e.campaign) FROM %s e LEFT JOIN %s c"
        + " ON e.campaign = c.country GROUP BY e.channel";
    try (Connection c = GatewayFiles.connect(config)) {
      assertThat(answeredAsTheOracle(c, query).sent()).as("statements sent").allMatch(q -> q.source().equals("crm"));
    }
    try (Connection c = switchedOff()) {
      assertThat(answeredAsTheOracle(c, query).sent()).anyMatch(q -> q.source().equals("sap"));
    }
  }

  @Test void aJoinToANonUniqueColumnIsKept() throws Exception {
    // Customers' country is no key: each event may meet several customers, so the join stays.
    String query = "SELECT e.event_id FROM %s e LEFT JOIN %s c ON e.campaign = c.country WHERE e.event_id <= 50";
    try (Connection c = GatewayFiles.connect(config)) {
      assertThat(answeredAsTheOracle(c, query).sent()).anyMatch(q -> q.source().equals("sap"));
    }
  }

  /** Runs the query over the federated tables and checks its rows against the oracle's, which must have some. */
  private static Run answeredAsTheOracle(Connection c, String query) throws SQLException {
    List<String> expected = oracleOf(query);
    assertThat(expected).as("the oracle's rows").isNotEmpty();
    Run run = run(c, String.format(query, EVENTS, CUSTOMERS));
    assertThat(run.rows()).isEqualTo(expected);
    return run;
  }

  /** The query over the oracle's copies of the same tables. */
  private static List<String> oracleOf(String query) throws SQLException {
    return oracle(String.format(query, "marketing.campaign_events", "master.customers"));
  }

  private static Connection switchedOff() throws SQLException {
    Properties off = new Properties();
    off.setProperty("optimizer.cross-source", "false");
    return DriverManager.getConnection("jdbc:junction:config=" + config, off);
  }

  private static long distinctEventCustomers() throws SQLException {
    return Long.parseLong(oracle("SELECT COUNT(DISTINCT customer_id) FROM marketing.campaign_events").get(0));
  }

  private static List<String> oracle(String sql) throws SQLException {
    return SourceRuns.oracle(data.oracleUrl, sql);
  }
}
