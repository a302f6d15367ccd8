package io.junctionsql.planner.source.jdbc;

import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Binding numbers that stand for dates, against PostgreSQL's own parameter descriptions. */
class TemporalParametersTest {
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  @Test void aDateParameterBoundAsItsDayNumberReachesPostgresqlAsThatDate() throws Exception {
    try (Connection c = DriverManager.getConnection(URL);
        PreparedStatement ps = c.prepareStatement("SELECT CAST(? AS date) = DATE '2024-02-29', ? + 1")) {
      TemporalParameters temporal = new TemporalParameters(ps);
      assertThat(temporal.bind(1, (int) LocalDate.of(2024, 2, 29).toEpochDay())).isTrue();
      assertThat(temporal.bind(2, 41)).as("an integer parameter stays a number").isFalse();
      ps.setInt(2, 41);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBoolean(1)).isTrue();
        assertThat(rs.getInt(2)).isEqualTo(42);
      }
    }
  }

  /** A semi-join reduced statement binds a thousand keys; describing it once per key made as many round trips. */
  @Test void aStatementsParametersAreDescribedOnceHoweverManyAreBound() throws Exception {
    StringBuilder sql = new StringBuilder("SELECT count(*) FROM generate_series(1, 2000) g WHERE g IN (?");
    sql.append(", ?".repeat(999)).append(')');
    try (Connection c = DriverManager.getConnection(URL);
        PreparedStatement real = c.prepareStatement(sql.toString())) {
      AtomicInteger describes = new AtomicInteger();
      // A counting wrapper around the real statement: the count of describe calls is what is tested.
      PreparedStatement counted = (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
            if (method.getName().equals("getParameterMetaData")) {
              describes.incrementAndGet();
            }
            try {
              return method.invoke(real, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
      TemporalParameters temporal = new TemporalParameters(counted);
      for (int i = 1; i <= 1000; i++) {
        assertThat(temporal.bind(i, (long) i * 2)).isFalse();
        counted.setLong(i, (long) i * 2);
      }
      assertThat(describes).hasValue(1);
      try (ResultSet rs = counted.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(1000);
      }
    }
  }
}
