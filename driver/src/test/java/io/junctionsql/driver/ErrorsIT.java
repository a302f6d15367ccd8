package io.junctionsql.driver;

import io.junctionsql.driver.fixtures.FederatedData;
import io.junctionsql.driver.fixtures.GatewayFiles;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Each way a query can fail reaches the user as an SQLException with a SQLState and a message that
 * names what failed and what to do, and never the password.
 */
class ErrorsIT {
  private static final String SECRET = "S3cr3t-" + UUID.randomUUID();
  private static FederatedData data;
  @TempDir static Path dir;
  private static Path config;

  @BeforeAll static void setUp() throws Exception {
    data = new FederatedData();
    config = data.writeGateway(dir);
    Files.writeString(dir.resolve("secret.txt"), SECRET + "\n");
  }

  @AfterAll static void tearDown() throws Exception {
    data.close();
  }

  @Test void syntaxErrorSaysWhere() {
    SQLException e = fails(config, "SELEC name FROM sap.master.customers");
    assertThat(e.getSQLState()).isEqualTo("42601");
    assertThat(e.getMessage()).contains("Syntax error at line 1, column 1");
  }

  @Test void unknownTableIsNamed() {
    SQLException e = fails(config, "SELECT * FROM sap.master.no_such_table");
    assertThat(e.getSQLState()).isEqualTo("42P01");
    assertThat(e.getMessage()).contains("no_such_table").contains("source.schema.table");
  }

  @Test void unknownColumnIsNamed() {
    SQLException e = fails(config, "SELECT no_such_column FROM sap.master.customers");
    assertThat(e.getSQLState()).isEqualTo("42703");
    assertThat(e.getMessage()).contains("no_such_column");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "INSERT INTO sap.master.customers (customer_id, name) VALUES (9999, 'x')",
      "UPDATE sap.master.customers SET name = 'x'",
      "DELETE FROM sap.master.customers",
      "MERGE INTO sap.master.customers t USING sap.master.products s ON t.customer_id = s.product_id"
          + " WHEN MATCHED THEN UPDATE SET name = s.name",
      "CREATE TABLE sap.master.t (x INT)",
      "DROP TABLE sap.master.customers",
      "  /* comment */ insert into sap.master.customers (customer_id, name) values (1, 'x')",
      "EXPLAIN PLAN FOR DELETE FROM sap.master.customers"})
  void writesAreRefused(String sql) throws Exception {
    SQLException e = fails(config, sql);
    assertThat(e.getSQLState()).isEqualTo("25006");
    assertThat(e.getMessage()).contains("read-only");
    try (Connection direct = io.junctionsql.driver.fixtures.PostgresDatabases.connect(data.sapUrl);
         Statement s = direct.createStatement();
         var rs = s.executeQuery("SELECT count(*) FROM master.customers WHERE name = 'x'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("nothing was written").isZero();
    }
  }

  @Test void unreachableSourceNamesSourceAndFix() {
    Path bad = GatewayFiles.write(dir, "unreachable.yaml", "sources:\n  erp:\n    kind: jdbc\n"
        + "    url: jdbc:postgresql://127.0.0.1:1/erp\n    user: reader\n    password: ${file:secret.txt}\n");
    SQLException e = fails(bad, "SELECT * FROM erp.public.anything");
    assertThat(e.getSQLState()).startsWith("08");
    assertThat(e.getMessage()).contains("'erp'").contains("unreachable").contains("sources.erp.url");
    assertNoSecret(e);
  }

  @Test void sourceThatNeverAnswersTimesOut() throws Exception {
    // Accepts TCP connections and never says a word: without a login timeout this would hang forever.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<Socket> held = new ArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(silent.accept());
          }
        } catch (Exception done) {
          // closed at the end of the test
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      Path bad = GatewayFiles.write(dir, "silent.yaml", "sources:\n  slow:\n    kind: jdbc\n"
          + "    url: jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/x\n    user: reader\n"
          + "    connect-timeout: 2s\n");
      long start = System.nanoTime();
      SQLException e = fails(bad, "SELECT * FROM slow.public.anything");
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      assertThat(seconds).as("failed within the configured timeout, not hung").isLessThan(15);
      assertThat(e.getSQLState()).startsWith("08");
      assertThat(e.getMessage()).contains("'slow'");
    }
  }

  @Test void wrongPasswordIsRefusedWithoutShowingIt() throws Exception {
    String url = "jdbc:h2:mem:secured_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
    try (Connection keep = DriverManager.getConnection(url, "owner", "the-right-password")) {
      Path bad = GatewayFiles.write(dir, "wrongpw.yaml", "sources:\n  vault:\n    kind: jdbc\n"
          + "    url: \"" + url + "\"\n    user: owner\n    password: ${file:secret.txt}\n");
      PrintStream originalErr = System.err;
      ByteArrayOutputStream logged = new ByteArrayOutputStream();
      SQLException e;
      System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
      try {
        e = fails(bad, "SELECT * FROM vault.PUBLIC.anything");
      } finally {
        System.setErr(originalErr);
      }
      assertThat(e.getSQLState()).isEqualTo("28000");
      assertThat(e.getMessage()).contains("'vault'").contains("refused the login")
          .contains("sources.vault.password");
      assertNoSecret(e);
      assertThat(logged.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET);
    }
  }

  @Test void passwordInUrlIsScrubbed() {
    Path bad = GatewayFiles.write(dir, "urlpw.yaml", "sources:\n  erp:\n    kind: jdbc\n"
        + "    url: jdbc:postgresql://127.0.0.1:1/erp?user=reader&password=" + SECRET + "\n");
    SQLException e = fails(bad, "SELECT * FROM erp.public.anything");
    assertThat(e.getSQLState()).startsWith("08");
    assertNoSecret(e);
  }

  @Test void badConfigNamesKeyPath() throws Exception {
    Path bad = GatewayFiles.write(dir, "typo.yaml", "sources:\n  sap:\n    kind: jdbc\n"
        + "    url: " + data.sapUrl + "\n    passwrd: x\n");
    SQLException e = catchThrowableOfType(SQLException.class, () -> GatewayFiles.connect(bad));
    assertThat(e.getSQLState()).isEqualTo("F0000");
    assertThat(e.getMessage()).contains("sources.sap.passwrd").contains("Did you mean 'password'?");
  }

  @Test void missingEnvironmentVariableIsNamedNotShown() {
    Path bad = GatewayFiles.write(dir, "env.yaml", "sources:\n  sap:\n    kind: jdbc\n"
        + "    url: " + data.sapUrl + "\n    password: ${env:JUNCTION_TEST_SURELY_UNSET_VARIABLE}\n");
    SQLException e = catchThrowableOfType(SQLException.class, () -> GatewayFiles.connect(bad));
    assertThat(e.getSQLState()).isEqualTo("F0000");
    assertThat(e.getMessage()).contains("sources.sap.password")
        .contains("JUNCTION_TEST_SURELY_UNSET_VARIABLE").contains("is not set");
  }

  @Test void missingConfigFileIsNamed() {
    SQLException e = catchThrowableOfType(SQLException.class,
        () -> DriverManager.getConnection("jdbc:junction:config=" + dir.resolve("nope.yaml")));
    assertThat(e.getSQLState()).isEqualTo("F0000");
    assertThat(e.getMessage()).contains("nope.yaml").contains("does not exist");
  }

  @Test void noConfigAtAll() {
    SQLException e = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection("jdbc:junction:"));
    assertThat(e.getSQLState()).isEqualTo("F0000");
    assertThat(e.getMessage()).contains("jdbc:junction:config=");
  }

  @Test void connectionStillWorksAfterAnError() throws Exception {
    try (Connection c = GatewayFiles.connect(config); Statement s = c.createStatement()) {
      catchThrowableOfType(SQLException.class, () -> s.executeQuery("SELECT * FROM nowhere"));
      try (var rs = s.executeQuery("SELECT count(*) FROM sap.master.customers")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(FederatedData.CUSTOMERS);
      }
    }
  }

  private static SQLException fails(Path gateway, String sql) {
    return catchThrowableOfType(SQLException.class, () -> {
      try (Connection c = GatewayFiles.connect(gateway); Statement s = c.createStatement()) {
        s.execute(sql);
      }
    });
  }

  private static void assertNoSecret(SQLException e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t).append('\n');
    }
    assertThat(all.toString()).doesNotContain(SECRET);
  }
}
