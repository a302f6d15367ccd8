package io.junctionsql.planner.source.datasphere;

import io.junctionsql.planner.source.jdbc.SourceInfo;

import org.apache.calcite.sql.dialect.H2SqlDialect;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Datasphere view's row count runs with a short timeout; on H2 (the demo's emulated space), where a
 * statement's timeout becomes its session's, it must not stay on the connection and stop later queries.
 */
class HanaViewRowsTimeoutTest {
  @Test void theCountsTimeoutDoesNotOutliveTheCount() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:view-rows-timeout");
         Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA SPACE");
      s.execute("CREATE TABLE SPACE.T (X INT)");
      s.execute("INSERT INTO SPACE.T VALUES (1), (2), (3)");
      s.execute("CREATE VIEW SPACE.\"Orders\" AS SELECT X FROM SPACE.T");
      SourceInfo info = new SourceInfo("H2", "2.3", H2SqlDialect.DEFAULT, false, "H2");

      assertThat(HanaSystemViewReader.viewRows(c, info, "SPACE", "Orders")).hasValue(3.0);

      try (Statement later = c.createStatement();
           ResultSet rs = later.executeQuery(
               "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_TIMEOUT'")) {
        assertThat(later.getQueryTimeout()).isZero();
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("0");
      }
    }
  }
}
