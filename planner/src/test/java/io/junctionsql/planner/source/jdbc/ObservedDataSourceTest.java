package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.runtime.QueryLog;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every statement a source's connections create, however created, gets the source's fetch size. */
class ObservedDataSourceTest {
  private final String url = "jdbc:h2:mem:observed_" + UUID.randomUUID().toString().replace("-", "");
  private Connection keeper;
  private Connection observed;

  @BeforeEach void setUp() throws SQLException {
    keeper = DriverManager.getConnection(url, "sa", "");
    observed = new ObservedDataSource("crm", () -> DriverManager.getConnection(url, "sa", ""), null, new QueryLog(),
        null, 321, ConnectionCancel.NONE).getConnection();
  }

  @AfterEach void tearDown() throws SQLException {
    observed.close();
    keeper.close();
  }

  @Test void everyKindOfStatementGetsTheFetchSize() throws SQLException {
    for (Statement s : List.of(observed.createStatement(), observed.prepareStatement("SELECT 1"),
        observed.prepareCall("SELECT 1"))) {
      try (s) {
        assertThat(s.getFetchSize()).as(s.toString()).isEqualTo(321);
      }
    }
  }
}
