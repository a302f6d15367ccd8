package io.junctionsql.driver;

import io.junctionsql.driver.fixtures.FederatedData;
import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.driver.fixtures.PostgresDatabases;
import io.junctionsql.planner.Gateway;
import io.junctionsql.planner.runtime.GatewayConnection;
import io.junctionsql.planner.runtime.SourceQuery;
import io.junctionsql.planner.source.jdbc.JdbcSource;

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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How a JDBC source behaves: statistics, metadata caching, prepared statements, pooled connections. */
class SourceBehaviourIT {
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

  @Test void rowCountsComeFromTheSourcesCatalog() throws Exception {
    assertThat(explain(config, "SELECT * FROM sap.sales.orders")).contains("estimated rows: 5000");
    assertThat(explain(config, "SELECT * FROM crm.marketing.campaign_events")).contains("estimated rows: 3000");
    assertThat(explain(config, "SELECT * FROM sap.master.customers")).contains("estimated rows: 200");
  }

  @Test void neverAnalyzedTableIsCounted() throws Exception {
    PostgresDatabases.run(data.sapUrl, "CREATE SCHEMA fresh;\n"
        + "CREATE TABLE fresh.items AS SELECT g AS id FROM generate_series(1, 1234) g;\n");
    // A gateway of its own: another test's gateway may have cached the schema list before this one existed.
    Path own = GatewayFiles.write(dir, "fresh.yaml", data.gatewayYaml());
    assertThat(explain(own, "SELECT * FROM sap.fresh.items")).contains("estimated rows: 1234")
        .doesNotContain("estimated rows: 100)");
  }

  @Test void metadataIsCachedForItsTtl() throws Exception {
    Path cached = GatewayFiles.write(dir, "cached.yaml", data.gatewayYaml().replace("    kind: jdbc\n    url: jdbc:postgresql",
        "    kind: jdbc\n    metadata-cache-ttl: 1h\n    url: jdbc:postgresql"));
    Path uncached = GatewayFiles.write(dir, "uncached.yaml", data.gatewayYaml().replace(
        "    kind: jdbc\n    url: jdbc:postgresql", "    kind: jdbc\n    metadata-cache-ttl: 0s\n    url: jdbc:postgresql"));
    PostgresDatabases.run(data.sapUrl, "CREATE SCHEMA newcomers;\nCREATE TABLE newcomers.t_first (a INT);\n");
    try (Connection c1 = GatewayFiles.connect(cached); Connection c2 = GatewayFiles.connect(uncached)) {
      count(c1, "SELECT COUNT(*) FROM sap.newcomers.t_first");
      count(c2, "SELECT COUNT(*) FROM sap.newcomers.t_first");
      PostgresDatabases.run(data.sapUrl, "CREATE TABLE newcomers.t_second (a INT);\nINSERT INTO newcomers.t_second VALUES (1), (2);\n");
      assertThat(count(c2, "SELECT COUNT(*) FROM sap.newcomers.t_second")).as("no cache sees the new table").isEqualTo(2);
      SQLException e = catchThrowableOfType(SQLException.class, () -> count(c1, "SELECT COUNT(*) FROM sap.newcomers.t_second"));
      assertThat(e.getSQLState()).as("a one-hour cache still lists the old tables").isEqualTo("42P01");
    }
  }

  @Test void zeroTtlReadsEachTableOncePerStatement() throws Exception {
    Path zero = GatewayFiles.write(dir, "zero.yaml", data.gatewayYaml().replace(
        "    kind: jdbc\n    url: jdbc:postgresql", "    kind: jdbc\n    metadata-cache-ttl: 0s\n    url: jdbc:postgresql"));
    try (Gateway gateway = Gateway.open(zero)) {
      GatewayConnection engine = gateway.connect();
      JdbcSource sap = (JdbcSource) gateway.sources().get("sap");
      try (Connection c = engine.calcite(); Statement s = c.createStatement()) {
        for (int statement = 1; statement <= 2; statement++) {
          engine.beginStatement(); // what the driver does for every statement
          long before = rowCountReads(sap);
          s.executeQuery("SELECT COUNT(*) FROM sap.sales.orders o JOIN sap.sales.orders p ON p.order_id = o.order_id")
              .close();
          // Planning asks for the row count many times; without the pin each ask was a round trip.
          assertThat(rowCountReads(sap) - before).as("statement " + statement + " reads the table once").isEqualTo(1);
        }
      }
    }
  }

  private static long rowCountReads(JdbcSource source) {
    return source.metadataQueries().stream().filter(q -> q.sql().contains("pg_class")).count();
  }

  @Test void setSchemaWithSourceAndSchemaResolvesUnqualifiedNames() throws Exception {
    try (Connection c = GatewayFiles.connect(config)) {
      c.setSchema("sap.master");
      assertThat(count(c, "SELECT COUNT(*) FROM customers")).isEqualTo(200);
      assertThat(count(c, "SELECT COUNT(*) FROM sap.sales.orders")).as("qualified names still work").isEqualTo(5000);
      c.setSchema("sap");
      SQLException e = catchThrowableOfType(SQLException.class, () -> count(c, "SELECT COUNT(*) FROM customers"));
      assertThat(e.getSQLState()).as("a source alone is not a schema of tables").isEqualTo("42P01");
    }
  }

  @Test void preparedStatementParametersReachTheSource() throws Exception {
    try (Connection c = GatewayFiles.connect(config);
         PreparedStatement ps = c.prepareStatement(
             "SELECT name FROM sap.master.customers WHERE customer_id = ? AND country <> ?")) {
      for (int id : new int[] {17, 18}) {
        ps.setInt(1, id);
        ps.setString(2, "XX");
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).contains(String.valueOf(id));
          assertThat(rs.next()).isFalse();
        }
        List<SourceQuery> sent = ps.unwrap(JunctionStatement.class).sourceQueries();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).sql()).contains("\"customer_id\" = ?").doesNotContain(String.valueOf(id));
      }
    }
  }

  @Test void sourceConnectionsAreReturnedToThePool() throws Exception {
    for (int round = 0; round < 30; round++) {
      try (Connection c = GatewayFiles.connect(config); Statement s = c.createStatement()) {
        for (int i = 0; i < 10; i++) {
          try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sap.sales.orders WHERE quantity > " + i)) {
            rs.next();
          }
        }
        // An abandoned result set is closed with its statement.
        s.executeQuery("SELECT * FROM sap.sales.orders");
      }
    }
    String db = data.sapUrl.substring(data.sapUrl.lastIndexOf('/') + 1);
    try (Connection admin = PostgresDatabases.connect(PostgresDatabases.url("postgres"));
         Statement s = admin.createStatement();
         ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '" + db
             + "' AND application_name = 'junction'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("open connections after 330 queries").isLessThanOrEqualTo(8);
    }
  }

  private static String explain(Path gateway, String sql) throws SQLException {
    try (Connection c = GatewayFiles.connect(gateway); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
