package io.junctionsql.driver.delta;

import io.junctionsql.driver.JunctionStatement;
import io.junctionsql.driver.fixtures.DeltaEvents;
import io.junctionsql.driver.fixtures.GatewayFiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

class DeltaSmokeIT {
  @Test void smoke(@TempDir Path dir) throws Exception {
    DeltaEvents.write(dir.resolve("lake/marketing/events"));
    Path cfg = GatewayFiles.write(dir, "j.yaml", "sources:\n  lake:\n    kind: delta\n    location: " + dir.resolve("lake").toUri() + "\n");
    try (Connection c = GatewayFiles.connect(cfg); Statement s = c.createStatement()) {
      for (String q : new String[] {"select count(*) from lake.marketing.events",
          "select * from lake.marketing.events where id between 1001 and 1300 order by id limit 3",
          "select channel, count(*), sum(amount) from lake.marketing.events where event_day = date '2024-03-05' group by channel",
          "explain plan for select channel, count(*) from lake.marketing.events where event_day = date '2024-03-05' and cost > 10 group by channel"}) {
        try (ResultSet rs = s.executeQuery(q)) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= n; i++) sb.append(rs.getString(i)).append(" | ");
            System.out.println(sb);
          }
        }
        System.out.println(s.unwrap(JunctionStatement.class).sourceQueries());
      }
    }
  }
}
