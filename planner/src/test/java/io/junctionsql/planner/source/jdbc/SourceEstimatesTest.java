package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.runtime.QueryLog;
import io.junctionsql.planner.security.Identity;
import io.junctionsql.planner.source.SourceSession;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the source is asked for its estimate, and when not: a source that cannot be reached is left alone for a
 * while, a statement it cannot estimate is not asked about again, and a connection with a login of its own gets
 * nothing. (PostgreSQL's answers themselves are tested against a real server in the driver's SourceEstimatesIT.)
 */
class SourceEstimatesTest {
  private static final SourceSession SESSION = new SourceSession(new QueryLog(), Identity.EMBEDDED);

  @Test void anUnreachableSourceIsNotAskedAgainForHalfAMinute() {
    CountingDataSource down = new CountingDataSource(() -> {
      throw new SQLException("Connection refused", "08001");
    });
    SourceEstimates estimates = new SourceEstimates("sap", down, () -> true, s -> true);
    assertThat(estimates.rows("SELECT 1", SESSION)).isEmpty();
    assertThat(estimates.rows("SELECT 2", SESSION)).isEmpty();
    assertThat(down.connections.get()).as("connections tried").isEqualTo(1);
  }

  @Test void aStatementWithoutAnEstimateIsAskedAboutOnce() throws SQLException {
    try (Connection keep = DriverManager.getConnection("jdbc:h2:mem:estimates;DB_CLOSE_DELAY=-1")) {
      // H2's EXPLAIN has no row estimate: the answer is "none", remembered like any other.
      CountingDataSource h2 = new CountingDataSource(() -> DriverManager.getConnection("jdbc:h2:mem:estimates"));
      SourceEstimates estimates = new SourceEstimates("crm", h2, () -> true, s -> true);
      assertThat(estimates.rows("SELECT 1", SESSION)).isEmpty();
      assertThat(estimates.rows("SELECT 1", SESSION)).isEmpty();
      assertThat(h2.connections.get()).isEqualTo(1);
      assertThat(estimates.known("SELECT 1", SESSION)).isEmpty();
    }
  }

  @Test void aConnectionWithALoginOfItsOwnIsNotGivenTheServiceLoginsEstimate() {
    CountingDataSource never = new CountingDataSource(() -> {
      throw new AssertionError("the source must not be asked");
    });
    SourceEstimates estimates = new SourceEstimates("sap", never, () -> true, s -> false);
    assertThat(estimates.rows("SELECT 1", SESSION)).isEmpty();
    assertThat(estimates.known("SELECT 1", SESSION)).isEmpty();
    assertThat(never.connections.get()).isZero();
  }

  @Test void aDatabaseWhoseExplainIsNotReadIsNotAsked() {
    CountingDataSource never = new CountingDataSource(() -> {
      throw new AssertionError("the source must not be asked");
    });
    assertThat(new SourceEstimates("lake", never, () -> false, s -> true).rows("SELECT 1", SESSION)).isEmpty();
    assertThat(never.connections.get()).isZero();
  }

  /** A fake data source that counts the connections asked of it: what the tests above are about. */
  private static final class CountingDataSource implements DataSource {
    interface Opener {
      Connection open() throws SQLException;
    }

    private final Opener opener;
    final AtomicInteger connections = new AtomicInteger();

    CountingDataSource(Opener opener) {
      this.opener = opener;
    }

    @Override public Connection getConnection() throws SQLException {
      connections.incrementAndGet();
      return opener.open();
    }

    @Override public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override public PrintWriter getLogWriter() {
      return null;
    }

    @Override public void setLogWriter(PrintWriter out) {
    }

    @Override public void setLoginTimeout(int seconds) {
    }

    @Override public int getLoginTimeout() {
      return 0;
    }

    @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
