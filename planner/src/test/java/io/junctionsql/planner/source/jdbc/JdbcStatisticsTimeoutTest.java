package io.junctionsql.planner.source.jdbc;

import org.apache.calcite.sql.dialect.H2SqlDialect;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounded row count runs with a short timeout; on H2, where a statement's timeout becomes its session's,
 * that timeout must not stay on the (pooled) connection and stop the source's later queries.
 */
class JdbcStatisticsTimeoutTest {
  @Test void theCountsTimeoutDoesNotOutliveTheCount() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:statistics-timeout");
         Statement s = c.createStatement()) {
      s.execute("CREATE TABLE T (X INT)");
      s.execute("INSERT INTO T VALUES (1), (2), (3)");
      s.execute("CREATE VIEW V AS SELECT X FROM T WHERE X > 1");
      // Named as a product whose catalog Junction does not read, so that the rows are counted.
      SourceInfo other = new SourceInfo("Other", "1", H2SqlDialect.DEFAULT, false, "Other");

      assertThat(JdbcStatistics.rowCount(c, other, "PUBLIC", "V")).as("counted with the bounded count")
          .hasValue(2.0);

      assertThat(sessionTimeout(c)).isEqualTo("0");
      try (Statement later = c.createStatement()) {
        assertThat(later.getQueryTimeout()).isZero();
      }
    }
  }

  /** H2's session setting, in milliseconds. */
  static String sessionTimeout(Connection c) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_TIMEOUT'")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
