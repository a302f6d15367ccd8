package io.junctionsql.bench.demo;

import io.junctionsql.server.demo.Showcase;

import java.util.ArrayList;
import java.util.List;

/**
 * The workload: the demo's showcase queries that its semantic rules accept, and two queries a data
 * scientist would run against the same space and lake to build a training set. Written once, in Junction's
 * names; the oracle holds the same columns under the same names (lower case, as PostgreSQL folds unquoted
 * names), so only the table qualifiers differ.
 */
final class DemoQueries {
  private DemoQueries() {
  }

  /**
   * One query.
   *
   * @param name {@code s1}, {@code s2} for the showcase's queries, {@code t1}, {@code t2} for the training-set ones
   * @param large whether its result is compared by fingerprint rather than row by row
   */
  record DemoQuery(String name, String title, String sql, boolean large) {
    /** The same query over the oracle's tables, all in one PostgreSQL schema. */
    String onOracle(String schema) {
      return sql.replace("sap.sales.", schema + ".").replace("lake.marketing.", schema + ".");
    }
  }

  /**
   * The showcase's second query orders by touches alone and keeps eight rows: groups with as many touches
   * may come in any order, and PostgreSQL and Junction order them differently (as at scale 20). Sorting
   * the ties by industry and campaign, on both sides, makes the result one to compare.
   */
  static String withTieBreak(String sql) {
    String partial = "ORDER BY touches DESC\n";
    return sql.contains(partial) ? sql.replace(partial, "ORDER BY touches DESC, c.Industry, e.campaign\n") : sql;
  }

  static List<DemoQuery> all(int customers) {
    List<DemoQuery> out = new ArrayList<>();
    int n = 1;
    for (Showcase.Query q : Showcase.QUERIES) {
      if (!q.refused()) {
        out.add(new DemoQuery("s" + n++, q.title(), withTieBreak(q.sql()), false));
      }
    }
    out.add(new DemoQuery("t1", "Training set: one row per customer with order and campaign features",
        "SELECT c.CustomerID, c.Country, c.Industry, o.Currency, o.orders, o.revenue, o.last_order,\n"
        + "       e.touches, e.campaigns, e.spend_eur\n"
        + "FROM sap.sales.Customers c\n"
        + "LEFT JOIN (SELECT CustomerID, Currency, COUNT(*) AS orders, SUM(NetAmount) AS revenue,\n"
        + "                  MAX(OrderDate) AS last_order\n"
        + "           FROM sap.sales.SalesOrders GROUP BY CustomerID, Currency) o ON o.CustomerID = c.CustomerID\n"
        + "LEFT JOIN (SELECT customer_id, COUNT(*) AS touches, COUNT(DISTINCT campaign) AS campaigns,\n"
        + "                  SUM(cost_eur) AS spend_eur\n"
        + "           FROM lake.marketing.campaign_events GROUP BY customer_id) e ON e.customer_id = c.CustomerID\n"
        + "ORDER BY c.CustomerID", customers > 100_000));
    out.add(new DemoQuery("t2", "Training labels: 2025 revenue of the customers each campaign reached at events",
        "SELECT e.campaign, o.Currency, COUNT(DISTINCT o.CustomerID) AS customers, SUM(o.NetAmount) AS revenue\n"
        + "FROM sap.sales.SalesOrders o\n"
        + "JOIN (SELECT DISTINCT customer_id, campaign FROM lake.marketing.campaign_events\n"
        + "      WHERE channel = 'event') e ON e.customer_id = o.CustomerID\n"
        + "WHERE o.OrderDate >= DATE '2025-01-01'\n"
        + "GROUP BY e.campaign, o.Currency\n"
        + "ORDER BY e.campaign, o.Currency", false));
    return out;
  }
}
