package io.junctionsql.server.http;

import io.junctionsql.driver.fixtures.FederatedData;
import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.planner.security.Identity;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ServerSmokeIT {
  @TempDir static Path dir;
  static FederatedData data;
  static JunctionServer server;

  @BeforeAll static void start() throws Exception {
    data = new FederatedData();
    Path config = GatewayFiles.write(dir, "junction.yaml", "server:\n  port: 0\n  management_port: 0\n"
        + "sources:\n  sap:\n    kind: jdbc\n    url: " + data.sapUrl + "\n    user: postgres\n");
    server = JunctionServer.start(config, c -> (header, address) -> new Identity("tester", Set.of()));
  }

  @AfterAll static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    data.close();
  }

  @Test void bothSerializations() throws Exception {
    for (String s : new String[] {"protobuf", "json"}) {
      try (Connection c = DriverManager.getConnection(server.jdbcUrl(s)); Statement st = c.createStatement();
           ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM sap.sales.orders")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(FederatedData.ORDERS);
      }
    }
  }

  /** A result over several frames: its figures are there once its rows are read, under the server's query id. */
  @Test void recentQueriesThroughTheServer() throws Exception {
    String sql = "SELECT order_id FROM sap.sales.orders WHERE status = 'OPEN'";
    try (Connection c = DriverManager.getConnection(server.jdbcUrl("protobuf")); Statement st = c.createStatement()) {
      st.setFetchSize(100);
      long rows = 0;
      try (ResultSet rs = st.executeQuery(sql)) {
        while (rs.next()) {
          rows++;
        }
      }
      assertThat(rows).isGreaterThan(100);
      try (ResultSet rs = st.executeQuery("SELECT q.query_id, q.rows_returned, q.outcome, s.source, s.rows_read "
          + "FROM junction.recent_queries q JOIN junction.recent_query_sources s ON q.query_id = s.query_id "
          + "WHERE q.sql_text = '" + sql.replace("'", "''") + "'")) {
        assertThat(rs.next()).as("the query is listed").isTrue();
        assertThat(rs.getString(1)).matches("[0-9a-f]{16}");
        assertThat(rs.getLong(2)).isEqualTo(rows);
        assertThat(rs.getString(3)).isEqualTo("ok");
        assertThat(rs.getString(4)).isEqualTo("sap");
        assertThat(rs.getLong(5)).isEqualTo(rows);
        assertThat(rs.next()).isFalse();
      }
    }
  }
}
