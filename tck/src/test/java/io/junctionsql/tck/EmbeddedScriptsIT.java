package io.junctionsql.tck;

import io.junctionsql.driver.fixtures.FederatedData;
import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.driver.fixtures.PostgresDatabases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL scripts through the embedded driver, over the federated data set (PostgreSQL, H2 and Delta sources),
 * with one PostgreSQL database holding all of the data as the oracle.
 */
class EmbeddedScriptsIT {
  static final List<String> SCRIPTS = List.of("pushdown.sqlt", "federated.sqlt", "delta.sqlt");

  private static FederatedData data;
  private static Connection junction;
  private static Connection oracle;
  @TempDir static Path dir;

  @BeforeAll static void setUp() throws Exception {
    data = new FederatedData().withLake(dir);
    junction = GatewayFiles.connect(data.writeGateway(dir));
    oracle = PostgresDatabases.connect(data.oracleUrl);
  }

  @AfterAll static void tearDown() throws Exception {
    junction.close();
    oracle.close();
    data.close();
  }

  @TestFactory Stream<DynamicTest> scripts() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String script : SCRIPTS) {
      for (ScriptCase c : ScriptParser.parse(script, load(script))) {
        tests.add(DynamicTest.dynamicTest(c.toString(), () -> {
          List<String> problems = new ScriptRunner(junction, oracle, EmbeddedScriptsIT::toOracle).run(c);
          assertThat(problems).as(c.toString()).isEmpty();
        }));
      }
    }
    assertThat(tests).as("cases found").hasSizeGreaterThan(10);
    return tests.stream();
  }

  /** The oracle holds every table under its schema name, without the source prefix. */
  static String toOracle(String sql) {
    return sql.replaceAll("(?i)\\b(sap|crm|lake)\\.", "");
  }

  static String load(String script) throws IOException {
    try (InputStream in = EmbeddedScriptsIT.class.getResourceAsStream("/scripts/" + script)) {
      assertThat(in).as("script " + script).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
