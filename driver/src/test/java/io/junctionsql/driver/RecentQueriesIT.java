package io.junctionsql.driver;

import io.junctionsql.driver.fixtures.FederatedData;
import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.driver.fixtures.PostgresDatabases;
import io.junctionsql.planner.runtime.QueryMemoryUse;
import io.junctionsql.planner.runtime.SourceQuery;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A federated query (PostgreSQL orders of one status joined in Junction with a Delta table of events)
 * shows in {@code junction.recent_queries} and {@code junction.recent_query_sources} with the figures the
 * connection's log reports and the row counts the oracle gives; a failing query shows its SQLState; another
 * connection sees none of it.
 */
class RecentQueriesIT {
  private static final String QUERY = "SELECT o.order_id, e.channel FROM sap.sales.orders o "
      + "JOIN lake.marketing.events e ON o.customer_id = e.customer_id WHERE o.status = 'BILLED' AND e.id < 2000";
  private static final String ORACLE_QUERY = QUERY.replace("sap.", "").replace("lake.", "");
  private static final Pattern READ_LINE = Pattern.compile("^READ \\d+ OF \\d+ FILES, (\\d+) ROWS FROM .*, (\\d+) BYTES$");

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

  @Test void aFederatedQueryShowsTheFiguresOfItsSources() throws Exception {
    long oracleRows = oracleCount("SELECT COUNT(*) FROM (" + ORACLE_QUERY + ") q");
    long billedOrders = oracleCount("SELECT COUNT(*) FROM sales.orders WHERE status = 'BILLED'");
    try (Connection c = GatewayFiles.connect(config); Statement s = c.createStatement()) {
      JunctionConnection junction = c.unwrap(JunctionConnection.class);
      junction.takeRowsRead();
      long returned = 0;
      List<SourceQuery> sent;
      try (ResultSet rs = s.executeQuery(QUERY)) {
        while (rs.next()) {
          returned++;
        }
      }
      sent = s.unwrap(JunctionStatement.class).sourceQueries();
      String id = s.unwrap(JunctionStatement.class).lastQueryId();
      Map<String, Long> rowsRead = junction.takeRowsRead();
      QueryMemoryUse memory = junction.memoryUses().get(junction.memoryUses().size() - 1);
      assertThat(returned).as("the oracle's rows").isEqualTo(oracleRows).isPositive();

      try (ResultSet rs = s.executeQuery("SELECT query_id, outcome, sql_state, rows_returned, elapsed_ms, "
          + "first_row_ms, source_statements, source_rows_read, peak_memory_bytes, sql_text, started_at, junction_ms "
          + "FROM junction.recent_queries")) {
        assertThat(rs.next()).as("the query is listed").isTrue();
        assertThat(rs.getString("query_id")).isEqualTo(id).hasSize(16);
        assertThat(rs.getString("outcome")).isEqualTo("ok");
        assertThat(rs.getString("sql_state")).isNull();
        assertThat(rs.getLong("rows_returned")).isEqualTo(oracleRows);
        assertThat(rs.getLong("elapsed_ms")).isGreaterThanOrEqualTo(rs.getLong("first_row_ms"));
        assertThat(rs.getLong("source_statements")).as("statements and scans, not READ lines")
            .isEqualTo(sent.stream().filter(q -> !q.sql().startsWith("READ ")).count());
        assertThat(rs.getLong("source_rows_read")).isEqualTo(rowsRead.values().stream().mapToLong(Long::longValue).sum());
        assertThat(rs.getLong("peak_memory_bytes")).isEqualTo(memory.peakBytes()).isPositive();
        assertThat(rs.getString("sql_text")).isEqualTo(QUERY);
        assertThat(rs.getTimestamp("started_at")).isNotNull();
        assertThat(rs.getLong("junction_ms")).isNotNegative();
        System.out.printf("recent_queries: rows_returned=%d elapsed_ms=%d first_row_ms=%d junction_ms=%d "
            + "peak_memory_bytes=%d%n", rs.getLong("rows_returned"), rs.getLong("elapsed_ms"),
            rs.getLong("first_row_ms"), rs.getLong("junction_ms"), rs.getLong("peak_memory_bytes"));
        assertThat(rs.next()).as("only the federated query: this one is not finished yet").isFalse();
      }

      Map<String, Object[]> bySource = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT source, statements, rows_read, bytes_read, source_ms "
          + "FROM junction.recent_query_sources WHERE query_id = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            bySource.put(rs.getString(1), new Object[] {rs.getLong(2), rs.getLong(3), rs.getObject(4),
                rs.getObject(5)});
          }
        }
      }
      assertThat(bySource).containsOnlyKeys("sap", "lake");
      bySource.forEach((source, f) -> System.out.printf("recent_query_sources %s: statements=%s rows_read=%s "
          + "bytes_read=%s source_ms=%s%n", source, f[0], f[1], f[2], f[3]));
      Object[] sap = bySource.get("sap");
      assertThat(sap[1]).as("rows read from PostgreSQL: the oracle's BILLED orders").isEqualTo(billedOrders)
          .isEqualTo(rowsRead.get("sap"));
      assertThat(sap[0]).isEqualTo(sent.stream().filter(q -> q.source().equals("sap")).count());
      assertThat(sap[2]).as("JDBC bytes are not measured").isNull();
      assertThat(sap[3]).as("time in PostgreSQL is measured").isNotNull();

      Object[] lake = bySource.get("lake");
      long readRows = 0;
      long readBytes = 0;
      for (SourceQuery q : sent) {
        Matcher m = READ_LINE.matcher(q.sql());
        if (q.source().equals("lake") && m.matches()) {
          readRows += Long.parseLong(m.group(1));
          readBytes += Long.parseLong(m.group(2));
        }
      }
      assertThat(lake[1]).isEqualTo(readRows).isEqualTo(rowsRead.get("lake"));
      assertThat(lake[2]).as("bytes of the Delta files read, as the READ lines say").isEqualTo(readBytes);
      assertThat(readBytes).isPositive();
      assertThat(lake[0]).isEqualTo(sent.stream().filter(q -> q.source().equals("lake")
          && q.sql().startsWith("SCAN ")).count());
      assertThat(lake[3]).isNotNull();

      assertThat(junction.recentQueries()).extracting(q -> q.sql()).as("both reads of the tables came after it")
          .containsExactly(QUERY, "SELECT query_id, outcome, sql_state, rows_returned, elapsed_ms, "
              + "first_row_ms, source_statements, source_rows_read, peak_memory_bytes, sql_text, started_at, junction_ms "
              + "FROM junction.recent_queries", "SELECT source, statements, rows_read, bytes_read, source_ms "
              + "FROM junction.recent_query_sources WHERE query_id = ?");
    }
  }

  @Test void aFailingQueryShowsItsSqlState() throws Exception {
    try (Connection c = GatewayFiles.connect(config); Statement s = c.createStatement()) {
      SQLException e = catchThrowableOfType(() -> s.executeQuery("SELECT nope FROM sap.sales.orders"),
          SQLException.class);
      assertThat((Object) e).isNotNull();
      try (ResultSet rs = s.executeQuery("SELECT outcome, sql_state, rows_returned, sql_text FROM junction.recent_queries")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("error");
        assertThat(rs.getString(2)).isEqualTo(e.getSQLState()).isEqualTo("42703");
        assertThat(rs.getLong(3)).isZero();
        assertThat(rs.getString(4)).isEqualTo("SELECT nope FROM sap.sales.orders");
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @Test void anotherConnectionSeesNoneOfTheFirstsQueries() throws Exception {
    try (Connection first = GatewayFiles.connect(config); Connection second = GatewayFiles.connect(config)) {
      try (Statement s = first.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT COUNT(*) FROM sap.master.customers")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(FederatedData.CUSTOMERS);
      }
      assertThat(first.unwrap(JunctionConnection.class).recentQueries()).hasSize(1);
      try (Statement s = second.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT COUNT(*) FROM junction.recent_queries")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).as("the second connection's own list is empty").isZero();
      }
      try (Statement s = first.createStatement(); ResultSet rs = s.executeQuery(
          "SELECT COUNT(*) FROM junction.recent_query_sources WHERE source = 'sap'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).as("the first connection still sees its own").isEqualTo(1);
      }
    }
  }

  private static long oracleCount(String sql) throws SQLException {
    try (Connection oracle = PostgresDatabases.connect(data.oracleUrl); Statement s = oracle.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
