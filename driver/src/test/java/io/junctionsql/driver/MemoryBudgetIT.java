package io.junctionsql.driver;

import io.junctionsql.driver.fixtures.FederatedData;
import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.driver.fixtures.PostgresDatabases;
import io.junctionsql.driver.fixtures.TextRows;
import io.junctionsql.planner.runtime.QueryMemoryUse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A federated query (PostgreSQL orders joined in Junction with a Delta table of events, then grouped)
 * under {@code query-memory}: too little stops it with 53200 and a message saying what held too much,
 * frees what it held (budget, source statements), and the connection runs the next query; enough returns
 * the oracle's rows.
 */
class MemoryBudgetIT {
  /** Orders joined to their customer's events: thousands of rows sorted or built on, a few dozen groups. */
  private static final String QUERY = "SELECT o.status, e.channel, COUNT(*) AS pairs, SUM(o.quantity) AS quantity "
      + "FROM sap.sales.orders o JOIN lake.marketing.events e ON o.customer_id = e.customer_id "
      + "GROUP BY o.status, e.channel";
  private static final String ORACLE_QUERY = QUERY.replace("sap.", "").replace("lake.", "");
  private static final String TIGHT = "128KiB";

  private static FederatedData data;
  @TempDir static Path dir;
  private static Path config;
  private static Path tightConfig;

  @BeforeAll static void setUp() throws Exception {
    data = new FederatedData().withLake(dir);
    config = data.writeGateway(dir);
    tightConfig = GatewayFiles.write(dir, "tight.yaml", data.gatewayYaml() + "query-memory: " + TIGHT + "\n");
  }

  @AfterAll static void tearDown() throws Exception {
    data.close();
  }

  @Test void overTheBudgetFailsWith53200AndTheConnectionGoesOn() throws Exception {
    try (Connection c = GatewayFiles.connect(tightConfig); Statement s = c.createStatement()) {
      SQLException e = catchThrowableOfType(() -> rows(s, QUERY), SQLException.class);
      assertThat((Object) e).as("the query over the budget fails").isNotNull();
      assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("53200");
      // Which operator crosses the limit first is the plan's choice (here a merge join's sort, or a hash join).
      assertThat(e.getMessage()).contains("128 KiB").contains("query-memory")
          .containsPattern("when (a sort|a hash join's build side|an aggregate's groups) needed more");
      assertFreed(c, s);
      QueryMemoryUse use = last(c);
      assertThat(use.exceeded()).isTrue();
      assertThat(use.peakBytes()).isGreaterThan(128 * 1024);

      assertThat(rows(s, "SELECT COUNT(*) FROM sap.master.customers")).as("the next query on the connection")
          .containsExactly(List.of(String.valueOf(FederatedData.CUSTOMERS)));
      assertThat(last(c).exceeded()).isFalse();
    }
  }

  @Test void underEnoughBudgetTheRowsAreTheOracles() throws Exception {
    List<List<String>> expected;
    try (Connection oracle = PostgresDatabases.connect(data.oracleUrl); Statement s = oracle.createStatement()) {
      expected = rows(s, ORACLE_QUERY);
    }
    try (Connection c = GatewayFiles.connect(config); Statement s = c.createStatement()) {
      assertThat(rows(s, QUERY)).containsExactlyInAnyOrderElementsOf(expected).isNotEmpty();
      QueryMemoryUse use = last(c);
      assertThat(use.exceeded()).isFalse();
      assertThat(use.peakBytes()).as("what the join and the groups held").isGreaterThan(128 * 1024)
          .isLessThan(use.limitBytes());
      assertFreed(c, s);
    }
  }

  @Test void aConnectionPropertyLowersTheLimitButCannotRaiseIt() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:junction:config=" + config + ";query-memory=" + TIGHT);
         Statement s = c.createStatement()) {
      SQLException e = catchThrowableOfType(() -> rows(s, QUERY), SQLException.class);
      assertThat(e.getSQLState()).as(String.valueOf(e)).isEqualTo("53200");
    }
    try (Connection c = DriverManager.getConnection("jdbc:junction:config=" + tightConfig + ";query-memory=4GiB");
         Statement s = c.createStatement()) {
      SQLException e = catchThrowableOfType(() -> rows(s, QUERY), SQLException.class);
      assertThat(e.getSQLState()).as(String.valueOf(e)).isEqualTo("53200");
      assertThat(last(c).limitBytes()).isEqualTo(128 * 1024);
    }
    SQLException e = catchThrowableOfType(() -> DriverManager.getConnection(
        "jdbc:junction:config=" + config + ";query-memory=lots"), SQLException.class);
    assertThat(e.getSQLState()).isEqualTo("F0000");
    assertThat(e.getMessage()).contains("query-memory").contains("256MiB");
  }

  /** Nothing is held after the statement's rows are done: no budget, no source statement, no busy session. */
  private static void assertFreed(Connection c, Statement s) throws SQLException {
    assertThat(s.unwrap(JunctionStatement.class).memoryHeld()).as("bytes the budget still counts").isZero();
    assertThat(c.unwrap(JunctionConnection.class).sourceConnectionsHeld()).as("source connections held").isZero();
    try (Connection pg = PostgresDatabases.connect(data.sapUrl); Statement st = pg.createStatement();
         ResultSet rs = st.executeQuery("SELECT state || ': ' || query FROM pg_stat_activity"
             + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'")) {
      List<String> busy = new ArrayList<>();
      while (rs.next()) {
        busy.add(rs.getString(1));
      }
      assertThat(busy).as("PostgreSQL sessions still busy for Junction").isEmpty();
    }
  }

  private static QueryMemoryUse last(Connection c) throws SQLException {
    List<QueryMemoryUse> uses = c.unwrap(JunctionConnection.class).memoryUses();
    assertThat(uses).isNotEmpty();
    return uses.get(uses.size() - 1);
  }

  private static List<List<String>> rows(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      return TextRows.read(rs);
    }
  }
}
