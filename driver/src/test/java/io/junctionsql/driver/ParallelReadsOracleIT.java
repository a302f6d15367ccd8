package io.junctionsql.driver;

import io.junctionsql.driver.fixtures.FederatedData;
import io.junctionsql.driver.fixtures.SourceRuns;
import io.junctionsql.planner.runtime.parallel.ParallelReads;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries over three sources (PostgreSQL {@code sap}, H2 {@code crm}, Delta {@code lake}) answer the same with
 * their reads running at the same time as with one read after the other, and as the oracle (the same data in
 * one PostgreSQL database), with the cross-source optimizations on (a semi-join reduced join's small side runs
 * ahead, its keyed side does not) and off.
 */
class ParallelReadsOracleIT {
  /** Four tables of three sources, joined and grouped in Junction. */
  private static final String FOUR_WAY = "SELECT c.country, l.channel, COUNT(*) AS n, SUM(o.amount) AS amount,"
      + " SUM(e.cost) AS cost FROM %1$s.sales.orders o"
      + " JOIN %2$s e ON e.customer_id = o.customer_id"
      + " JOIN %3$s l ON l.customer_id = o.customer_id"
      + " JOIN %1$s.master.customers c ON c.customer_id = o.customer_id"
      + " WHERE o.order_id <= 100300 AND e.channel = 'email'"
      + " GROUP BY c.country, l.channel";
  /** Every source's rows one after the other. */
  private static final String UNION = "SELECT customer_id, 'order' AS kind FROM %1$s.sales.orders WHERE order_id <= 100500"
      + " UNION ALL SELECT customer_id, 'campaign' FROM %2$s"
      + " UNION ALL SELECT customer_id, 'event' FROM %3$s";
  /** A small filtered dimension whose keys may go to both other sources. */
  private static final String REDUCIBLE = "SELECT c.customer_id, c.name, e.event_id, l.id"
      + " FROM %1$s.master.customers c JOIN %2$s e ON e.customer_id = c.customer_id"
      + " JOIN %3$s l ON l.customer_id = c.customer_id WHERE c.country = 'DE' AND c.segment = 'SMB'";

  /**
   * A semi-join reduced join beside a Delta scan: the reduced join's small side ({@code sap}) and the scan run
   * at the same time; the keyed side ({@code crm}) waits for the small side's keys.
   */
  private static final String REDUCED_BESIDE_SCAN = "SELECT c.customer_id, e.event_id"
      + " FROM %1$s.master.customers c JOIN %2$s e ON e.customer_id = c.customer_id"
      + " WHERE c.country = 'DE' AND c.segment = 'SMB'"
      + " UNION ALL SELECT customer_id, id FROM %3$s WHERE channel = 'web'";

  private static FederatedData data;
  @TempDir static Path dir;
  private static Path config;

  @BeforeAll static void setUp() throws Exception {
    data = new FederatedData().withLake(dir);
    config = data.writeGateway(dir);
  }

  @AfterAll static void tearDown() throws Exception {
    data.close();
  }

  /** With the cross-source optimizations on, every join is semi-join reduced: one read is independent. */
  @Test void fourTablesOfThreeSources() throws Exception {
    check(FOUR_WAY, false);
  }

  @Test void aUnionOfThreeSources() throws Exception {
    check(UNION, true);
  }

  @Test void aSemiJoinReducibleJoinOfThreeSources() throws Exception {
    check(REDUCIBLE, false);
  }

  @Test void aReducedJoinsSmallSideRunsBesideAnotherRead() throws Exception {
    check(REDUCED_BESIDE_SCAN, true);
    try (Connection c = DriverManager.getConnection("jdbc:junction:config=" + config)) {
      String sql = String.format(REDUCED_BESIDE_SCAN, "sap", "crm.marketing.campaign_events", "lake.marketing.events");
      assertThat(SourceRuns.explain(c, sql)).as("the plan reduces the join").contains("KeyReducedJoin");
    }
  }

  /** A join without an equality is a nested loop whose inner side is read again per outer row: it never runs ahead. */
  @Test void aNestedLoopJoinsInnerSideDoesNotRunAhead() throws Exception {
    String query = "SELECT p.product_id, COUNT(*) AS n FROM %1$s.master.products p JOIN %2$s e"
        + " ON e.cost > p.list_price WHERE p.product_id <= 5 GROUP BY p.product_id";
    String federated = String.format(query, "sap", "crm.marketing.campaign_events");
    try (Connection c = DriverManager.getConnection("jdbc:junction:config=" + config)) {
      assertThat(SourceRuns.explain(c, federated)).contains("EnumerableNestedLoopJoin");
    }
    long before = ParallelReads.startedAhead();
    assertThat(rows(federated, true, 4)).isEqualTo(SourceRuns.oracle(data.oracleUrl,
        String.format(query, "public", "marketing.campaign_events").replace("public.", "")));
    assertThat(ParallelReads.startedAhead() - before).as("reads run ahead").isZero();
  }

  /**
   * The answers of parallel and serial reads and the oracle's agree, with the cross-source optimizations on
   * and off; with them off (every read whole and independent) reads run ahead, and with them on exactly when
   * {@code aheadWithCrossSource} (else every join is reduced, and only one read is independent).
   */
  private static void check(String query, boolean aheadWithCrossSource) throws Exception {
    String federated = String.format(query, "sap", "crm.marketing.campaign_events", "lake.marketing.events");
    List<String> expected = SourceRuns.oracle(data.oracleUrl,
        String.format(query, "public", "marketing.campaign_events", "marketing.events").replace("public.", ""));
    assertThat(expected).as("the oracle's answer").hasSizeGreaterThan(5);
    for (boolean crossSource : new boolean[] {true, false}) {
      List<String> serial = rows(federated, crossSource, 1);
      long before = ParallelReads.startedAhead();
      List<String> parallel = rows(federated, crossSource, 4);
      long ahead = ParallelReads.startedAhead() - before;
      if (!crossSource || aheadWithCrossSource) {
        assertThat(ahead).as("reads run ahead, cross-source %s", crossSource).isPositive();
      } else {
        assertThat(ahead).as("keyed reads wait for their keys: no read runs ahead").isZero();
      }
      assertThat(parallel).as("parallel reads, cross-source %s", crossSource).isEqualTo(serial).isEqualTo(expected);
    }
  }

  private static List<String> rows(String sql, boolean crossSource, int parallelReads) throws SQLException {
    Properties p = new Properties();
    p.setProperty("optimizer.cross-source", String.valueOf(crossSource));
    p.setProperty("optimizer.parallel-reads", String.valueOf(parallelReads));
    try (Connection c = DriverManager.getConnection("jdbc:junction:config=" + config, p)) {
      List<String> rows = SourceRuns.run(c, sql).rows();
      assertThat(c.unwrap(JunctionConnection.class).sourceConnectionsHeld()).as("source connections held").isZero();
      return rows;
    }
  }
}
