package io.junctionsql.server.demo;

import java.util.List;

/** The queries the demo runs, each with what it shows. */
public final class Showcase {
  private Showcase() {
  }

  /**
   * One showcase query.
   *
   * @param title what it shows
   * @param sql the query
   * @param refused true if the semantic rules are expected to refuse it (the demo shows the message)
   */
  public record Query(String title, String sql, boolean refused) {
  }

  public static final List<Query> QUERIES = List.of(
      new Query("Revenue from customers reached by the Spring campaign, per country and currency",
          "SELECT c.Country, o.Currency, COUNT(*) AS orders, SUM(o.NetAmount) AS revenue\n"
          + "FROM sap.sales.SalesOrders o\n"
          + "JOIN sap.sales.Customers c ON c.CustomerID = o.CustomerID\n"
          + "WHERE o.OrderDate >= DATE '2025-01-01'\n"
          + "  AND o.CustomerID IN (SELECT customer_id FROM lake.marketing.campaign_events\n"
          + "                       WHERE campaign = 'Spring Launch 2025' AND channel = 'email')\n"
          + "GROUP BY c.Country, o.Currency\n"
          + "ORDER BY c.Country, o.Currency", false),
      new Query("Campaign touches and spend per customer industry",
          "SELECT c.Industry, e.campaign, COUNT(*) AS touches, ROUND(SUM(e.cost_eur), 2) AS spend_eur\n"
          + "FROM lake.marketing.campaign_events e\n"
          + "JOIN sap.sales.Customers c ON c.CustomerID = e.customer_id\n"
          + "WHERE e.channel IN ('event', 'web')\n"
          + "GROUP BY c.Industry, e.campaign\n"
          + "ORDER BY touches DESC\n"
          + "LIMIT 8", false),
      new Query("The space's semantics at work: revenue per country, adding EUR, USD, JPY and GBP together",
          "SELECT c.Country, SUM(o.NetAmount) AS revenue\n"
          + "FROM sap.sales.SalesOrders o\n"
          + "JOIN sap.sales.Customers c ON c.CustomerID = o.CustomerID\n"
          + "GROUP BY c.Country", true));
}
