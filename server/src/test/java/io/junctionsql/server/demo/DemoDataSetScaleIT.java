package io.junctionsql.server.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo data set at a scale: twice the customers, orders and events at scale 2, the same rows on every
 * build (fingerprints pinned here), and scale 1 still the demo's own data (its fingerprint is the one the
 * generator gave before scales existed).
 */
class DemoDataSetScaleIT {
  @TempDir Path dir;

  @Test void scaleTwoHasTwiceTheRowsOfScaleOneAndTheSameRowsOnEveryBuild() throws Exception {
    DemoDataSet one = new DemoDataSet(dir.resolve("s1"));
    DemoDataSet two = new DemoDataSet(dir.resolve("s2"), 2);
    assertThat(one.ensureBuilt()).isTrue();
    assertThat(two.ensureBuilt()).isTrue();

    List<Long> countsOne = counts(one);
    List<Long> countsTwo = counts(two);
    assertThat(countsOne).as("customers, products, orders, events, customers with events")
        .containsExactly(500L, 120L, 20_000L, 30_000L, 500L);
    assertThat(countsTwo).as("products stay; the rest doubles, events reach the new customers too")
        .containsExactly(1_000L, 120L, 40_000L, 60_000L, 1_000L);

    // Pinned: scale 1 is what the demo generated before it had a scale; scale 2 is seeded, not random.
    assertThat(fingerprint(one)).containsExactly("EUR|5372|54363097.62", "GBP|2473|24045205.26",
        "JPY|3642|5440014928.00", "USD|8513|84370771.09", "events|75241.89|450015000");
    assertThat(fingerprint(two)).containsExactly("EUR|11798|118958468.67", "GBP|5144|51145882.92",
        "JPY|6428|9553067038.00", "USD|16630|166390783.48", "events|150496.05|1800030000");

    assertThat(new DemoDataSet(one.home()).isBuilt()).isTrue();
    assertThat(new DemoDataSet(one.home(), 2).isBuilt()).as("a home built at scale 1 is not taken for scale 2")
        .isFalse();
    assertThat(new DemoDataSet(two.home(), 2).isBuilt()).isTrue();
  }

  @Test void aScaleBelowOneIsRefused() {
    assertThatThrownBy(() -> new DemoDataSet(dir, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }

  /** Rows of each table, read from the SAP database directly and from the Delta table through Junction. */
  private static List<Long> counts(DemoDataSet data) throws Exception {
    List<Long> out = new ArrayList<>();
    try (Connection sap = DriverManager.getConnection(data.url("sap"), "SALES#DEMO", "");
         Statement s = sap.createStatement()) {
      for (String table : List.of("CUSTOMERS", "PRODUCTS", "SALES_ORDERS")) {
        out.add(single(s, "SELECT COUNT(*) FROM \"SALES$TEC\"." + table));
      }
    }
    try (Connection j = DriverManager.getConnection("jdbc:junction:config=" + data.configFile());
         Statement s = j.createStatement()) {
      out.add(single(s, "SELECT COUNT(*) FROM lake.marketing.campaign_events"));
      out.add(single(s, "SELECT COUNT(DISTINCT customer_id) FROM lake.marketing.campaign_events"));
    }
    return out;
  }

  /** Orders and amounts per currency, and the events' total cost and id sum: what a change of the rows changes. */
  private static List<String> fingerprint(DemoDataSet data) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection j = DriverManager.getConnection("jdbc:junction:config=" + data.configFile());
         Statement s = j.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT Currency, COUNT(*), SUM(NetAmount) FROM sap.sales.SalesOrders"
          + " GROUP BY Currency ORDER BY Currency")) {
        while (rs.next()) {
          out.add(rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getBigDecimal(3).toPlainString());
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT ROUND(SUM(cost_eur), 2), SUM(event_id)"
          + " FROM lake.marketing.campaign_events")) {
        rs.next();
        out.add("events|" + rs.getBigDecimal(1).stripTrailingZeros().toPlainString() + "|" + rs.getLong(2));
      }
    }
    return out;
  }

  private static long single(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
