package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.runtime.QueryLog;
import io.junctionsql.planner.runtime.SourceException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rows read through an observed source: counted once per result, values passed through, failures tagged. */
class CountedResultSetTest {
  private static final String QUERY = "SELECT id, name, amount FROM t ORDER BY id";
  private final String url = "jdbc:h2:mem:counted_" + UUID.randomUUID().toString().replace("-", "");
  private final QueryLog log = new QueryLog();
  private Connection keeper;
  private Connection observed;

  @BeforeEach void setUp() throws SQLException {
    keeper = DriverManager.getConnection(url, "sa", "");
    try (Statement s = keeper.createStatement()) {
      s.execute("CREATE TABLE t (id INT, name VARCHAR(20), amount DECIMAL(12,2))");
      s.execute("INSERT INTO t VALUES (1, 'one', 1.50), (2, 'two', NULL), (3, 'x3', 300.25)");
    }
    observed = new ObservedDataSource("crm", () -> DriverManager.getConnection(url, "sa", ""), null, log, null, 100,
        ConnectionCancel.NONE)
        .getConnection();
  }

  @AfterEach void tearDown() throws SQLException {
    observed.close();
    keeper.close();
  }

  @Test void readingToTheEndReportsTheRowsOnce() throws SQLException {
    try (Statement s = observed.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
      assertThat(Proxy.isProxyClass(rs.getClass())).as("no reflection per row").isFalse();
      while (rs.next()) {
        assertThat(log.takeRowsRead()).as("nothing reported before the end").isEmpty();
      }
      assertThat(rs.next()).isFalse();
    }
    assertThat(log.takeRowsRead()).isEqualTo(Map.of("crm", 3L));
  }

  @Test void closingEarlyReportsTheRowsGivenSoFar() throws SQLException {
    try (Statement s = observed.prepareStatement(QUERY); ResultSet rs = ((java.sql.PreparedStatement) s).executeQuery()) {
      rs.next();
      rs.next();
    }
    assertThat(log.takeRowsRead()).isEqualTo(Map.of("crm", 2L));
  }

  @Test void valuesAreTheSourcesOwn() throws SQLException {
    assertThat(read(observed)).isEqualTo(read(keeper));
  }

  private static List<List<Object>> read(Connection c) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
      while (rs.next()) {
        BigDecimal amount = rs.getBigDecimal("amount");
        rows.add(java.util.Arrays.asList(rs.getInt(1), rs.getString(2), amount, rs.wasNull(),
            rs.getObject(1, Long.class), rs.getMetaData().getColumnName(3)));
      }
    }
    return rows;
  }

  @Test void aFailingGetterNamesTheSource() throws SQLException {
    try (Statement s = observed.createStatement(); ResultSet rs = s.executeQuery(QUERY)) {
      rs.next();
      assertThatThrownBy(() -> rs.getInt(2)).isInstanceOfSatisfying(SourceException.class, e -> {
        assertThat(e.source()).isEqualTo("crm");
        assertThat(e.getSQLState()).isEqualTo("22018"); // H2's own state for a bad number, kept
      });
    }
  }
}
