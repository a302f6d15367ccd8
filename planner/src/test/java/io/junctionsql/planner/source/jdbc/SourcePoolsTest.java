package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.JunctionException;
import io.junctionsql.planner.config.Secret;
import io.junctionsql.planner.runtime.QueryLog;
import io.junctionsql.planner.security.Identity;
import io.junctionsql.planner.source.SourceSession;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a JDBC source makes the pools of mapped logins, which login each session gets, and that close ends them. */
class SourcePoolsTest {
  private final String url = "jdbc:h2:mem:pools_" + UUID.randomUUID().toString().replace("-", "");
  private Connection keeper;
  private SourcePools pools;

  @BeforeEach void setUp() throws SQLException {
    // Holds the in-memory database (and its users) for the test's length.
    keeper = DriverManager.getConnection(url, "sa", "");
    try (Statement s = keeper.createStatement()) {
      s.execute("CREATE USER ALICE_DB PASSWORD 'alice-pw'");
      s.execute("CREATE USER FINANCE_DB PASSWORD 'finance-pw'");
    }
  }

  @AfterEach void tearDown() throws SQLException {
    if (pools != null) {
      pools.close();
    }
    keeper.close();
  }

  private SourcePools pools(boolean required) {
    SourceLogin alice = new SourceLogin("ALICE_DB", Secret.of("alice-pw"), "sources.crm.user-credentials.alice");
    SourceLogin aliceAgain = new SourceLogin("ALICE_DB", Secret.of("alice-pw"), "sources.crm.user-credentials.group:a");
    SourceLogin finance = new SourceLogin("FINANCE_DB", Secret.of("finance-pw"),
        "sources.crm.user-credentials.group:finance");
    UserCredentials credentials = new UserCredentials(Map.of("alice", alice),
        Map.of("a", aliceAgain, "finance", finance), required, "sources.crm");
    JdbcSourceConfig config = new JdbcSourceConfig("crm", url, "SA", Secret.empty(), null, Map.of(), List.of(),
        Duration.ofMinutes(1), 100, Duration.ofSeconds(5), 2, List.of(), credentials);
    pools = new SourcePools(config, JdbcFlavor.GENERIC);
    return pools;
  }

  private static DataSource forUser(SourcePools pools, String user, String... groups) {
    return pools.forSession(new SourceSession(new QueryLog(), new Identity(user, Set.of(groups))));
  }

  private static String currentUser(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT CURRENT_USER")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test void aMappedLoginsPoolIsMadeOnItsFirstQueryAndSharedByItsMappings() throws SQLException {
    SourcePools p = pools(false);
    DataSource alice = forUser(p, "alice");
    assertThat(p.mappedPools()).as("no pool before a query").isZero();
    assertThat(currentUser(alice)).isEqualTo("ALICE_DB");
    assertThat(p.mappedPools()).isEqualTo(1);
    // Group a maps the same login: it shares alice's pool.
    assertThat(currentUser(forUser(p, "anna", "a"))).isEqualTo("ALICE_DB");
    assertThat(p.mappedPools()).isEqualTo(1);
    assertThat(currentUser(forUser(p, "frank", "finance"))).isEqualTo("FINANCE_DB");
    assertThat(p.mappedPools()).isEqualTo(2);
    // Unmapped users read with the service login, and make no pool.
    assertThat(currentUser(forUser(p, "bob"))).isEqualTo("SA");
    assertThat(p.mappedPools()).isEqualTo(2);
  }

  @Test void aRequiredLoginIsRefusedOnTheFirstQueryNotBefore() {
    SourcePools p = pools(true);
    DataSource bob = forUser(p, "bob", "sales");
    assertThatThrownBy(bob::getConnection).isInstanceOf(JunctionException.class)
        .hasMessageContaining("source 'crm'").hasMessageContaining("sources.crm.user-credentials-required");
    assertThat(p.mappedPools()).isZero();
  }

  @Test void closingTheSourceClosesTheMappedPools() throws SQLException {
    SourcePools p = pools(false);
    DataSource alice = forUser(p, "alice");
    assertThat(currentUser(alice)).isEqualTo("ALICE_DB");
    p.close();
    assertThat(p.mappedPools()).isZero();
    assertThatThrownBy(alice::getConnection).isInstanceOf(SQLException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> currentUser(forUser(p, "bob"))).isInstanceOf(SQLException.class);
  }
}
