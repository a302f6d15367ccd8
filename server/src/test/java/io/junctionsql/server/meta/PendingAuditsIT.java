package io.junctionsql.server.meta;

import io.junctionsql.driver.JunctionConnection;
import io.junctionsql.driver.JunctionStatement;
import io.junctionsql.driver.fixtures.FederatedData;
import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.planner.runtime.SourceQuery;
import io.junctionsql.planner.runtime.recent.RecentQuery;
import io.junctionsql.planner.runtime.recent.SourceFigures;
import io.junctionsql.planner.security.Identity;

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
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The audit line of a query waits for its rows: over a real embedded connection to PostgreSQL, a query
 * whose rows are still unread has no line yet; once read and closed, its line carries the server's query
 * id and the figures the driver measured (rows returned, rows read from PostgreSQL as the oracle counts them).
 */
class PendingAuditsIT {
  private static final Caller CALLER = new Caller(new Identity("alice", Set.of()), "127.0.0.1", "r-1");

  @TempDir static Path dir;
  private static FederatedData data;
  private static Path config;

  /** One audit event. */
  private record Event(String queryId, String sql, List<SourceQuery> sent, SQLException failure, RecentQuery figures) {
  }

  private final List<Event> events = new ArrayList<>();
  private final ServerEvents recording = new ServerEvents() {
    @Override public void queryExecuted(Caller caller, String queryId, String sql, long nanos,
        List<SourceQuery> sourceQueries, SQLException failure, RecentQuery figures) {
      events.add(new Event(queryId, sql, sourceQueries, failure, figures));
    }

    @Override public void sourceRows(java.util.Map<String, Long> rowsBySource) {
    }

    @Override public void rowsSent(Caller caller, int rows) {
    }

    @Override public void refused(Caller caller, String limit) {
    }

    @Override public void connectionOpened(Caller caller) {
    }

    @Override public void connectionClosed() {
    }
  };

  @BeforeAll static void setUp() throws Exception {
    data = new FederatedData();
    config = data.writeGateway(dir);
  }

  @AfterAll static void tearDown() throws Exception {
    data.close();
  }

  @Test void theLineWaitsForTheRowsAndCarriesTheirFigures() throws Exception {
    PendingAudits audits = new PendingAudits(recording);
    String sql = "SELECT order_id FROM sap.sales.orders WHERE status = 'OPEN'";
    try (Connection c = GatewayFiles.connect(config); Statement s = c.createStatement()) {
      JunctionStatement statement = started(audits, c, s, "0123456789abcdef", sql);
      long rows = 0;
      try (ResultSet rs = s.executeQuery(sql)) {
        audits.requestEnded("0123456789abcdef", "0123456789abcdef".equals(statement.lastQueryId()), null);
        assertThat(events).as("rows unread: no line yet").isEmpty();
        while (rs.next()) {
          rows++;
        }
      }
      assertThat(events).hasSize(1);
      Event e = events.get(0);
      assertThat(e.queryId()).isEqualTo("0123456789abcdef");
      assertThat((Object) e.failure()).isNull();
      assertThat(e.figures().rowsReturned()).isEqualTo(rows).isEqualTo(oracleCount());
      List<SourceFigures> sources = e.figures().sources();
      assertThat(sources).hasSize(1);
      assertThat(sources.get(0).source()).isEqualTo("sap");
      assertThat(sources.get(0).rowsRead()).as("rows read from PostgreSQL").isEqualTo(rows);
      assertThat(sources.get(0).statements()).isEqualTo(1);
      assertThat(e.sent()).extracting(SourceQuery::source).containsExactly("sap");
    }
  }

  @Test void aFailedQueryIsWrittenWithItsSqlState() throws Exception {
    PendingAudits audits = new PendingAudits(recording);
    String sql = "SELECT nope FROM sap.sales.orders";
    try (Connection c = GatewayFiles.connect(config); Statement s = c.createStatement()) {
      started(audits, c, s, "00000000000000ff", sql);
      SQLException failure = catchThrowableOfType(() -> s.executeQuery(sql), SQLException.class);
      audits.requestEnded("00000000000000ff", true, failure);
      assertThat(events).hasSize(1);
      assertThat(events.get(0).failure().getSQLState()).isEqualTo(failure.getSQLState()).isEqualTo("42703");
      assertThat(events.get(0).figures().sqlState()).isEqualTo("42703");
    }
  }

  /** What {@link JunctionMeta} does when a request runs a query: the statement takes the id, the audit waits. */
  private static JunctionStatement started(PendingAudits audits, Connection c, Statement s, String queryId, String sql)
      throws SQLException {
    JunctionConnection junction = c.unwrap(JunctionConnection.class);
    audits.watch(junction);
    JunctionStatement statement = s.unwrap(JunctionStatement.class);
    statement.useQueryId(queryId);
    audits.started(queryId, CALLER, sql, System.nanoTime(), junction);
    return statement;
  }

  private static long oracleCount() throws SQLException {
    try (Connection oracle = io.junctionsql.driver.fixtures.PostgresDatabases.connect(data.oracleUrl);
        Statement s = oracle.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sales.orders WHERE status = 'OPEN'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
