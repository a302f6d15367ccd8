package io.junctionsql.server;

import io.junctionsql.server.cli.JunctionCli;
import io.junctionsql.server.demo.DemoDataSet;
import io.junctionsql.server.demo.Showcase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The junction command line, run as a user would, with its output read back. */
class CliIT {
  @TempDir Path dir;

  /** What a command printed, and how it ended. */
  record Run(int exit, String out, String err) {
  }

  static synchronized Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
    try {
      int exit = JunctionCli.run(args);
      return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test void demoBuildsOnceAndShowsRowsAndSourceSql() throws Exception {
    Path home = dir.resolve("demo");
    Run first = run("demo", "--home", home.toString());
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("Built the demo data set").contains("== 1. ").contains("== 2. ")
        .contains("What each source received:").contains("-- source sap").contains("-- source lake")
        .contains("(7 rows)").contains("(8 rows)").contains("== 3. ")
        .contains("Refused (SQLState 42JS1): SUM(NetAmount) adds amounts in different currencies");
    Run second = run("demo", "--home", home.toString());
    assertThat(second.exit()).isZero();
    assertThat(second.out()).contains("Using the demo data set");
    assertThat(first.out()).as("the campaign filter prunes the lake's partitions").contains("FILES 3 OF 13");
    assertThat(Files.readString(home.resolve("junction.yaml"))).contains("kind: datasphere").contains("kind: delta");
  }

  @Test void demoRevenueEqualsAnIndependentComputation() throws Exception {
    Path home = dir.resolve("demo-oracle");
    assertThat(run("demo", "--home", home.toString()).exit()).isZero();
    DemoDataSet data = new DemoDataSet(home);
    // The oracle: the campaign's customers taken from the generated events, the revenue from the SAP database.
    List<String> customers = new ArrayList<>();
    for (Object[] e : DemoDataSet.campaignEvents()) {
      if (e[2].equals("Spring Launch 2025") && e[3].equals("email") && !customers.contains("'" + e[1] + "'")) {
        customers.add("'" + e[1] + "'");
      }
    }
    List<String> expected = new ArrayList<>();
    try (Connection sap = DriverManager.getConnection("jdbc:h2:file:" + home.resolve("sap"), "SALES#DEMO", "");
         Statement s = sap.createStatement();
         ResultSet rs = s.executeQuery("SELECT c.COUNTRY, o.CURRENCY, COUNT(*), SUM(o.NET_AMOUNT)"
             + " FROM \"SALES$TEC\".SALES_ORDERS o JOIN \"SALES$TEC\".CUSTOMERS c ON c.CUSTOMER_ID = o.CUSTOMER_ID"
             + " WHERE o.ORDER_DATE >= DATE '2025-01-01' AND o.CUSTOMER_ID IN (" + String.join(",", customers) + ")"
             + " GROUP BY c.COUNTRY, o.CURRENCY ORDER BY c.COUNTRY, o.CURRENCY")) {
      while (rs.next()) {
        expected.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getLong(3) + "|"
            + rs.getBigDecimal(4).stripTrailingZeros().toPlainString());
      }
    }
    List<String> actual = new ArrayList<>();
    try (Connection j = DriverManager.getConnection("jdbc:junction:config=" + data.configFile());
         Statement s = j.createStatement();
         ResultSet rs = s.executeQuery(Showcase.QUERIES.get(0).sql())) {
      while (rs.next()) {
        actual.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getLong(3) + "|"
            + new BigDecimal(rs.getString(4)).stripTrailingZeros().toPlainString());
      }
    }
    assertThat(expected).hasSize(7);
    assertThat(actual).isEqualTo(expected);
  }

  @Test void catalogListsSourcesSchemasTablesAndColumns() throws Exception {
    Path home = dir.resolve("demo-catalog");
    DemoDataSet data = new DemoDataSet(home);
    data.ensureBuilt();
    Run r = run("catalog", "--config", data.configFile().toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("source sap (kind datasphere, SAP Datasphere (HANA").contains("schema sap.SALES")
        .contains("view SalesOrders").contains("CustomerID VARCHAR(10)")
        .contains("source lake (kind delta").contains("table campaign_events");
    Run only = run("catalog", "--config", data.configFile().toString(), "--source", "lake", "--no-columns");
    assertThat(only.out()).contains("source lake").doesNotContain("source sap").doesNotContain("event_id");
  }

  @Test void badConfigGivesAMessageAndExitCode() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "sources:\n  sap:\n    kind: jdbc\n");
    Run r = run("catalog", "--config", bad.toString());
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("sources.sap.url: missing");
  }

  @Test void sqlRunsAStatement() throws Exception {
    Path home = dir.resolve("demo-sql");
    DemoDataSet data = new DemoDataSet(home);
    data.ensureBuilt();
    Run r = run("sql", "--config", data.configFile().toString(), "-e",
        "SELECT COUNT(*) AS n FROM lake.marketing.campaign_events");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("30000");
  }
}
