package io.junctionsql.driver;

import io.junctionsql.driver.fixtures.FederatedData;
import io.junctionsql.driver.fixtures.GatewayFiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

class SmokeIT {
  @Test void smoke(@TempDir Path dir) throws Exception {
    try (FederatedData data = new FederatedData();
         Connection c = GatewayFiles.connect(data.writeGateway(dir));
         Statement s = c.createStatement()) {
      String[] qs = {
          "select c.name, sum(o.amount) from sap.sales.orders o join sap.master.customers c on o.customer_id = c.customer_id where c.country = 'DE' group by c.name order by 2 desc limit 3",
          "select e.campaign, o.currency, count(*), sum(o.amount) from crm.marketing.campaign_events e join sap.sales.orders o on o.customer_id = e.customer_id group by e.campaign, o.currency order by 1, 2",
          "explain plan for select e.campaign, o.currency, count(*), sum(o.amount) from crm.marketing.campaign_events e join sap.sales.orders o on o.customer_id = e.customer_id where e.channel = 'web' group by e.campaign, o.currency order by 1, 2"};
      for (String q : qs) {
        try (ResultSet rs = s.executeQuery(q)) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= n; i++) sb.append(rs.getObject(i)).append(" | ");
            System.out.println(sb);
          }
        }
        System.out.println(s.unwrap(JunctionStatement.class).sourceQueries());
      }
    }
  }
}
