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
}
