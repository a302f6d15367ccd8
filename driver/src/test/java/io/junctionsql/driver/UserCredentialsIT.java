package io.junctionsql.driver;

import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.driver.fixtures.PostgresDatabases;
import io.junctionsql.planner.security.Identity;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Per-user source credentials against a real PostgreSQL: each identity's queries run as the database login
 * it is mapped to, so the database's own permissions decide (the view {@code whoami} answers with the login
 * the query really ran as). Roles are cluster-wide, so they get names unique to the run.
 */
class UserCredentialsIT {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String ALICE_ROLE = "junction_it_alice_" + RUN;
  private static final String FINANCE_ROLE = "junction_it_finance_" + RUN;
  /** A role that does not exist. Its password is its name, so PostgreSQL echoes the password in its error. */
  private static final String GHOST_ROLE = "junction_it_ghost_" + RUN;
  private static final String ALICE_PASSWORD = "alice-pw-" + RUN;
  private static final String WHOAMI = "SELECT u FROM sap.public.whoami";

  @TempDir static Path dir;
  private static PostgresDatabases databases;
  private static String url;
  private static Path mapped;
  private static Path required;
  private static Path governed;

  @BeforeAll static void setUp() throws SQLException {
    databases = new PostgresDatabases();
    url = databases.create("creds");
    try (Connection c = PostgresDatabases.connect(PostgresDatabases.url("postgres"));
        Statement s = c.createStatement()) {
      s.execute("CREATE ROLE " + ALICE_ROLE + " LOGIN");
      s.execute("CREATE ROLE " + FINANCE_ROLE + " LOGIN");
    }
    PostgresDatabases.run(url, "CREATE VIEW public.whoami AS SELECT current_user::text AS u;\n"
        + "GRANT SELECT ON public.whoami TO " + ALICE_ROLE + ", " + FINANCE_ROLE + ";\n"
        + "CREATE TABLE public.service_only (secret_number int);\n"
        + "INSERT INTO public.service_only VALUES (42);\n"
        + "REVOKE ALL ON public.service_only FROM PUBLIC;\n");
    String source = "sources:\n  sap:\n    kind: jdbc\n    url: " + url + "\n    user: " + PostgresDatabases.USER + "\n"
        + "    user-credentials:\n"
        + "      alice: {user: " + ALICE_ROLE + ", password: \"" + ALICE_PASSWORD + "\"}\n"
        + "      \"group:finance\": {user: " + FINANCE_ROLE + ", password: finance-pw}\n"
        + "      ghost: {user: " + GHOST_ROLE + ", password: " + GHOST_ROLE + "}\n";
    mapped = GatewayFiles.write(dir, "mapped.yaml", source);
    required = GatewayFiles.write(dir, "required.yaml", source + "    user-credentials-required: true\n");
    // Under policies each source is wrapped in a policy schema; the generated code must still find the login's pool.
    governed = GatewayFiles.write(dir, "governed.yaml", source
        + "policies:\n  - name: everyone\n    groups: [\"*\"]\n    read: [\"sap.public.*\"]\n");
  }

  @AfterAll static void tearDown() throws SQLException {
    // The databases first: dropping them ends the pools' sessions, which would keep the roles from being dropped.
    databases.close();
    try (Connection c = PostgresDatabases.connect(PostgresDatabases.url("postgres"));
        Statement s = c.createStatement()) {
      s.execute("DROP ROLE IF EXISTS " + ALICE_ROLE);
      s.execute("DROP ROLE IF EXISTS " + FINANCE_ROLE);
    }
  }

  private static Connection as(Path gateway, String user, String... groups) throws SQLException {
    return JunctionDriver.connect("jdbc:junction:config=" + gateway, new Properties(),
        new Identity(user, Set.of(groups)), SessionLimits.NONE);
  }

  private static String whoami(Path gateway, String user, String... groups) throws SQLException {
    try (Connection c = as(gateway, user, groups); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(WHOAMI)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  private static SQLException failure(Connection c, String sql) {
    SQLException e = catchThrowableOfType(SQLException.class, () -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        rs.next();
      }
    });
    assertThat((Throwable) e).as("refused: " + sql).isNotNull();
    return e;
  }

  @Test void aMappedUserReadsAsItsOwnLogin() throws SQLException {
    assertThat(whoami(mapped, "alice")).isEqualTo(ALICE_ROLE);
    // The user's own entry wins over a group it is in.
    assertThat(whoami(mapped, "alice", "finance")).isEqualTo(ALICE_ROLE);
  }

  @Test void aGroupMemberReadsAsTheGroupsLogin() throws SQLException {
    assertThat(whoami(mapped, "frank", "sales", "finance")).isEqualTo(FINANCE_ROLE);
  }

  @Test void anUnmappedUserReadsAsTheServiceLogin() throws SQLException {
    assertThat(whoami(mapped, "bob", "sales")).isEqualTo(PostgresDatabases.USER);
  }

  @Test void identitiesOnOneGatewayKeepTheirOwnLoginsSideBySide() throws SQLException {
    try (Connection alice = as(mapped, "alice"); Connection bob = as(mapped, "bob");
        Statement a = alice.createStatement(); Statement b = bob.createStatement();
        ResultSet ra = a.executeQuery(WHOAMI); ResultSet rb = b.executeQuery(WHOAMI)) {
      assertThat(ra.next()).isTrue();
      assertThat(rb.next()).isTrue();
      assertThat(ra.getString(1)).isEqualTo(ALICE_ROLE);
      assertThat(rb.getString(1)).isEqualTo(PostgresDatabases.USER);
    }
  }

  @Test void theMappedLoginRunsTheQueryUnderPoliciesToo() throws SQLException {
    assertThat(whoami(governed, "alice")).isEqualTo(ALICE_ROLE);
    assertThat(whoami(governed, "frank", "finance")).isEqualTo(FINANCE_ROLE);
  }

  @Test void theDatabaseRefusesAMappedUserWhatItsLoginMayNotRead() throws SQLException {
    try (Connection alice = as(mapped, "alice")) {
      SQLException e = failure(alice, "SELECT secret_number FROM sap.public.service_only");
      assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("42501");
      assertThat(e.getMessage()).contains("Source 'sap'").contains("permission denied").contains("service_only");
    }
    // The table is visible (metadata is read with the service login), and the service login may read it.
    try (Connection bob = as(mapped, "bob"); Statement s = bob.createStatement();
        ResultSet rs = s.executeQuery("SELECT secret_number FROM sap.public.service_only")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(42);
    }
  }

  @Test void aRequiredLoginRefusesAnUnmappedUserBeforeAnythingReachesTheDatabase() throws SQLException {
    // Connecting succeeds: the refusal comes with the first query of the source.
    try (Connection bob = as(required, "bob", "sales")) {
      SQLException e = failure(bob, WHOAMI);
      assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("28000");
      assertThat(e.getMessage()).contains("'bob'").contains("source 'sap'")
          .contains("sources.sap.user-credentials-required");
      assertThat(bob.unwrap(JunctionConnection.class).sourceQueries()).isEmpty();
    }
    assertThat(whoami(required, "alice")).isEqualTo(ALICE_ROLE);
    assertThat(whoami(required, "frank", "finance")).isEqualTo(FINANCE_ROLE);
  }

  @Test void aWrongMappingIsRefusedByTheDatabaseWithoutShowingThePassword() throws SQLException {
    try (Connection ghost = as(mapped, "ghost")) {
      SQLException e = failure(ghost, WHOAMI);
      assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("28000");
      assertThat(e.getMessage()).contains("Source 'sap' refused the login")
          .contains("sources.sap.user-credentials.ghost")
          .doesNotContain(GHOST_ROLE);
      assertThat(String.valueOf(e.getCause())).doesNotContain(GHOST_ROLE);
    }
  }
}
