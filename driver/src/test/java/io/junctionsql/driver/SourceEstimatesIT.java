package io.junctionsql.driver;

import io.junctionsql.driver.fixtures.FederatedData;
import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.driver.fixtures.PostgresDatabases;
import io.junctionsql.driver.fixtures.SourceRuns;
import io.junctionsql.driver.fixtures.SourceRuns.Run;
import io.junctionsql.planner.security.Identity;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static io.junctionsql.driver.fixtures.SourceRuns.explain;
import static io.junctionsql.driver.fixtures.SourceRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Semi-join reduction asks PostgreSQL ({@code sap}) how many rows a filtered statement returns, where Calcite
 * can only guess a share: whether keys are sent to H2 ({@code crm}) at all, and how many each statement binds,
 * follow the source's estimate. With {@code optimizer.source-estimates: false} the guesses decide, as
 * before. Every result is compared with the oracle (the same data in one PostgreSQL database).
 */
class SourceEstimatesIT {
  /** About ten of 5000 orders are above 99,800 (Calcite guesses half of them); a quarter of the events are emails. */
  private static final String FEW_ORDERS = "SELECT o.order_id, o.amount, e.event_id FROM %s o JOIN %s e"
      + " ON e.customer_id = o.customer_id WHERE o.amount > 99800 AND e.channel = 'email'";
  /** Every customer: Calcite guesses a LIKE at a quarter. */
  private static final String ALL_CUSTOMERS = "SELECT c.customer_id, e.event_id FROM %s c JOIN %s e"
      + " ON e.customer_id = c.customer_id WHERE c.name LIKE 'Customer %%'";

  private static FederatedData data;
  @TempDir static Path dir;
  private static Path config;
  private static Path guesses;

  @BeforeAll static void setUp() throws Exception {
    data = new FederatedData();
    config = data.writeGateway(dir);
    guesses = GatewayFiles.write(dir, "guesses.yaml", data.gatewayYaml() + "optimizer:\n  source-estimates: false\n");
  }

  @AfterAll static void tearDown() throws Exception {
    data.close();
  }

  @Test void postgresqlsEstimateOfAFewOrdersSendsTheirKeysToTheOtherSource() throws Exception {
    String federated = String.format(FEW_ORDERS, "sap.sales.orders", "crm.marketing.campaign_events");
    List<String> expected = oracle(String.format(FEW_ORDERS, "sales.orders", "marketing.campaign_events"));
    assertThat(expected).as("the oracle finds some events of those customers").isNotEmpty();
    long orders = oracle("SELECT order_id FROM sales.orders WHERE amount > 99800").size();
    assertThat(orders).as("few orders qualify").isBetween(1L, 30L);

    try (Connection c = GatewayFiles.connect(config)) {
      assertThat(explain(c, federated)).containsPattern("sap \\(estimated rows: 2500; sap's own estimate: [1-9]\\d?\\)")
          .containsPattern("semiJoinReduction=\\[keys of input [01] sent to crm, (16|32) per statement");
      Run run = run(c, federated);
      assertThat(run.rows()).isEqualTo(expected);
      assertThat(run.sqlOf("crm")).contains("\"CUSTOMER_ID\" IN (?");
      assertThat(parameters(run.sqlOf("crm"))).as("a statement sized for the keys PostgreSQL expects")
          .isBetween(16, 32);
      assertThat(run.sqlOf("sap")).doesNotContain("?");
      assertThat(run.rowsRead().get("sap")).isEqualTo(orders);
      assertThat(run.rowsRead().get("crm")).as("only those customers' emails").isLessThan(10 * orders);
    }

    // Guessing half of the orders (200 customers' keys), the planner binds 256 keys into every statement.
    try (Connection c = GatewayFiles.connect(guesses)) {
      assertThat(explain(c, federated)).doesNotContain("own estimate").contains("256 per statement");
      Run run = run(c, federated);
      assertThat(run.rows()).isEqualTo(expected);
      assertThat(parameters(run.sqlOf("crm"))).isEqualTo(256);
    }
  }

  /**
   * Guessed at 50 customers, the LIKE's side would be read first in case it has fewer keys than the 20 allowed;
   * PostgreSQL says it has all 200, so both sides are read at once and no keys are collected.
   */
  @Test void postgresqlsEstimateOfManyKeysSkipsAReductionThatCannotPay() throws Exception {
    Path few = GatewayFiles.write(dir, "few.yaml", data.gatewayYaml() + "optimizer:\n  semi-join:\n    max-keys: 20\n");
    Path fewGuesses = GatewayFiles.write(dir, "few-guesses.yaml", data.gatewayYaml()
        + "optimizer:\n  source-estimates: false\n  semi-join:\n    max-keys: 20\n");
    String federated = String.format(ALL_CUSTOMERS, "sap.master.customers", "crm.marketing.campaign_events");
    List<String> expected = oracle(String.format(ALL_CUSTOMERS, "master.customers", "marketing.campaign_events"));
    try (Connection c = GatewayFiles.connect(few)) {
      assertThat(explain(c, federated)).doesNotContain("KeyReducedJoin")
          .containsPattern("sap \\(estimated rows: 50; sap's own estimate: (?:1\\d\\d|200)\\)");
      Run run = run(c, federated);
      assertThat(run.rows()).isEqualTo(expected);
      assertThat(run.sqlOf("crm")).doesNotContain("?");
    }
    try (Connection c = GatewayFiles.connect(fewGuesses)) {
      assertThat(explain(c, federated)).contains("KeyReducedJoin").contains("read in full above 20 keys");
      assertThat(run(c, federated).rows()).isEqualTo(expected);
    }
  }

  /**
   * The service login's estimate of a filter could tell a user with a login of their own how many rows match in
   * a table that login may not read: such a connection plans with Calcite's guesses, and EXPLAIN shows none.
   */
  @Test void aUserWithALoginOfTheirOwnPlansWithoutTheServiceLoginsEstimate() throws Exception {
    String yaml = data.gatewayYaml();
    assertThat(yaml).contains("  crm:\n");
    Path mapped = GatewayFiles.write(dir, "mapped.yaml", yaml.replace("  crm:\n",
        "    user-credentials:\n      alice: {user: " + PostgresDatabases.USER + "}\n  crm:\n"));
    String federated = String.format(FEW_ORDERS, "sap.sales.orders", "crm.marketing.campaign_events");
    try (Connection bob = as(mapped, "bob"); Connection alice = as(mapped, "alice")) {
      assertThat(explain(bob, federated)).contains("sap's own estimate")
          .containsPattern("keys of input [01] sent to crm, (16|32) per statement");
      assertThat(explain(alice, federated)).doesNotContain("own estimate").contains("256 per statement");
      assertThat(run(alice, federated).rows())
          .isEqualTo(oracle(String.format(FEW_ORDERS, "sales.orders", "marketing.campaign_events")));
    }
  }

  private static Connection as(Path gateway, String user) throws SQLException {
    return JunctionDriver.connect("jdbc:junction:config=" + gateway, new Properties(), new Identity(user, Set.of()),
        SessionLimits.NONE);
  }

  private static int parameters(String sql) {
    return (int) sql.chars().filter(ch -> ch == '?').count();
  }

  private static List<String> oracle(String sql) throws SQLException {
    return SourceRuns.oracle(data.oracleUrl, sql);
  }
}
