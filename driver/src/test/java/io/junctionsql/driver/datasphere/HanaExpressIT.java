package io.junctionsql.driver.datasphere;

import io.junctionsql.driver.JunctionStatement;
import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.planner.runtime.SourceQuery;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Datasphere source against a real SAP HANA (HANA Express in a container): the HANA SQL Junction
 * writes runs there and gives the rows HANA gives directly. Needs a Docker engine and about 8 GB of
 * memory for the container; where no Docker engine runs (as on the project's build machine) JUnit
 * reports it as skipped, never as passed.
 */
@Testcontainers(disabledWithoutDocker = true)
class HanaExpressIT {
  private static final String PASSWORD = "Junction1Test";
  private static final int SQL_PORT = 39041;

  @Container
  static final GenericContainer<?> HANA = new GenericContainer<>("saplabs/hanaexpress:latest")
      .withCommand("--agree-to-sap-license", "--passwords-url", "file:///tmp/password.json")
      .withCopyToContainer(org.testcontainers.images.builder.Transferable.of(
          "{\"master_password\":\"" + PASSWORD + "\"}"), "/tmp/password.json")
      .withExposedPorts(SQL_PORT)
      .waitingFor(Wait.forLogMessage(".*Startup finished.*", 1).withStartupTimeout(Duration.ofMinutes(15)));

  @TempDir static Path dir;
  private static String url;
  private static Path config;

  @BeforeAll static void setUp() throws Exception {
    url = "jdbc:sap://" + HANA.getHost() + ":" + HANA.getMappedPort(SQL_PORT) + "/?databaseName=HXE";
    try (Connection c = DriverManager.getConnection(url, "SYSTEM", PASSWORD); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA \"Sales_Space\"");
      s.execute("CREATE COLUMN TABLE \"Sales_Space\".\"Orders_T\" (\"ID\" INTEGER PRIMARY KEY, \"Customer\" NVARCHAR(40),"
          + " \"Amount\" DECIMAL(15,2), \"Currency\" NVARCHAR(3), \"OrderDate\" DATE, \"Paid\" BOOLEAN)");
      s.execute("INSERT INTO \"Sales_Space\".\"Orders_T\" VALUES (1, 'O''Brien', 10.50, 'EUR', '2025-01-15', TRUE)");
      s.execute("INSERT INTO \"Sales_Space\".\"Orders_T\" VALUES (2, 'Grüße 東京', 20.00, 'USD', '2025-02-28', FALSE)");
      s.execute("INSERT INTO \"Sales_Space\".\"Orders_T\" VALUES (3, 'back\\slash', 5.25, 'EUR', '2025-03-01', TRUE)");
      s.execute("CREATE VIEW \"Sales_Space\".\"Orders\" AS SELECT * FROM \"Sales_Space\".\"Orders_T\"");
    }
    config = GatewayFiles.write(dir, "hxe.yaml", "sources:\n  sap:\n    kind: datasphere\n    url: \"" + url
        + "\"\n    user: SYSTEM\n    password: " + PASSWORD + "\n    space: Sales_Space\n"
        + "    properties:\n      encrypt: \"false\"\n");
    Files.createDirectories(dir);
  }

  @Test void hanaRunsTheSqlJunctionWrites() throws Exception {
    for (String[] q : new String[][] {
        {"SELECT \"Currency\", SUM(\"Amount\") FROM sap.\"Sales_Space\".\"Orders\" WHERE \"Paid\" GROUP BY \"Currency\"",
            "SELECT \"Currency\", SUM(\"Amount\") FROM \"Sales_Space\".\"Orders_T\" WHERE \"Paid\" = TRUE GROUP BY \"Currency\""},
        {"SELECT \"ID\" FROM sap.\"Sales_Space\".\"Orders\" WHERE \"Customer\" IN ('O''Brien', 'Grüße 東京', 'back\\slash')"
            + " ORDER BY \"ID\" LIMIT 2 OFFSET 1",
            "SELECT \"ID\" FROM \"Sales_Space\".\"Orders_T\" ORDER BY \"ID\" LIMIT 2 OFFSET 1"},
        {"SELECT COUNT(*) FROM sap.\"Sales_Space\".\"Orders\" WHERE \"OrderDate\" + INTERVAL '30' DAY > DATE '2025-03-01'",
            "SELECT COUNT(*) FROM \"Sales_Space\".\"Orders_T\" WHERE ADD_DAYS(\"OrderDate\", 30) > DATE '2025-03-01'"},
        {"SELECT POSITION('r' IN \"Customer\"), EXTRACT(YEAR FROM \"OrderDate\") FROM sap.\"Sales_Space\".\"Orders\" ORDER BY \"ID\"",
            "SELECT LOCATE(\"Customer\", 'r'), YEAR(\"OrderDate\") FROM \"Sales_Space\".\"Orders_T\" ORDER BY \"ID\""}}) {
      List<String> viaJunction;
      List<String> sent = new ArrayList<>();
      try (Connection c = GatewayFiles.connect(config); Statement s = c.createStatement()) {
        viaJunction = rows(s.executeQuery(q[0]));
        for (SourceQuery sq : s.unwrap(JunctionStatement.class).sourceQueries()) {
          sent.add(sq.sql());
        }
      }
      try (Connection c = DriverManager.getConnection(url, "SYSTEM", PASSWORD); Statement s = c.createStatement()) {
        assertThat(viaJunction).as("%s sent %s", q[0], sent).isEqualTo(rows(s.executeQuery(q[1])));
      }
    }
  }

  private static List<String> rows(ResultSet rs) throws Exception {
    List<String> out = new ArrayList<>();
    try (rs) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          sb.append(v instanceof java.math.BigDecimal ? ((java.math.BigDecimal) v).stripTrailingZeros().toPlainString()
              : String.valueOf(v)).append('|');
        }
        out.add(sb.toString());
      }
    }
    return out;
  }
}
