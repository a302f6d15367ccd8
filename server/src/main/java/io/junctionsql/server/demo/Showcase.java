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
   */
  public record Query(String title, String sql) {
  }

  public static final List<Query> QUERIES = List.of(
      new Query("Revenue from customers reached by the Spring campaign, per country and currency",
          "SELECT c.country, o.currency, COUNT(*) AS orders, SUM(o.net_amount) AS revenue\n"
          + "FROM sap.sales.sales_orders o\n"
          + "JOIN sap.sales.customers c ON c.customer_id = o.customer_id\n"
          + "WHERE o.order_date >= DATE '2025-01-01'\n"
          + "  AND o.customer_id IN (SELECT customer_id FROM lake.marketing.campaign_events\n"
          + "                        WHERE campaign = 'Spring Launch 2025' AND channel = 'email')\n"
          + "GROUP BY c.country, o.currency\n"
          + "ORDER BY c.country, o.currency"),
      new Query("Campaign touches and spend per customer industry",
          "SELECT c.industry, e.campaign, COUNT(*) AS touches, ROUND(SUM(e.cost_eur), 2) AS spend_eur\n"
          + "FROM lake.marketing.campaign_events e\n"
          + "JOIN sap.sales.customers c ON c.customer_id = e.customer_id\n"
          + "WHERE e.channel IN ('event', 'web')\n"
          + "GROUP BY c.industry, e.campaign\n"
          + "ORDER BY touches DESC\n"
          + "LIMIT 8"));
}
