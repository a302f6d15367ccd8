package io.junctionsql.tck;

import io.junctionsql.driver.fixtures.FederatedData;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL scripts through every way in (the embedded driver, the server with protobuf, the server with
 * JSON), over the federated data set (PostgreSQL, H2 and Delta sources), with one PostgreSQL database
 * holding all of the data as the oracle. Each way in must give the oracle's rows; the SQL each source
 * received is checked on the embedded driver, the only way in that can ask for it (the server runs the
 * same planner).
 */
class ScriptsIT {
  static final List<String> SCRIPTS = List.of("pushdown.sqlt", "federated.sqlt", "delta.sqlt");

  private static FederatedData data;
  private static WaysIn ways;
  private static final Map<String, Connection> JUNCTION = new LinkedHashMap<>();
  private static Connection oracle;
  @TempDir static Path dir;

  @BeforeAll static void setUp() throws Exception {
    data = new FederatedData().withLake(dir);
    ways = new WaysIn(dir.resolve("gateway"), data.gatewayYaml());
    for (String way : WaysIn.ALL) {
      JUNCTION.put(way, ways.connect(way));
    }
    oracle = PostgresDatabases.connect(data.oracleUrl);
  }

  @AfterAll static void tearDown() throws Exception {
    for (Connection c : JUNCTION.values()) {
      c.close();
    }
    JUNCTION.clear();
    ways.close();
    oracle.close();
    data.close();
  }

  @TestFactory Stream<DynamicTest> scripts() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String script : SCRIPTS) {
      for (ScriptCase c : ScriptParser.parse(script, load(script))) {
        for (String way : WaysIn.ALL) {
          tests.add(DynamicTest.dynamicTest(way + ": " + c, () -> {
            List<String> problems = new ScriptRunner(JUNCTION.get(way), oracle, ScriptsIT::toOracle,
                !WaysIn.remote(way)).run(c);
            assertThat(problems).as(way + ": " + c).isEmpty();
          }));
        }
      }
    }
    assertThat(tests).as("cases found").hasSizeGreaterThan(30);
    return tests.stream();
  }

  /** The oracle holds every table under its schema name, without the source prefix. */
  static String toOracle(String sql) {
    return sql.replaceAll("(?i)\\b(sap|crm|lake)\\.", "");
  }

  static String load(String script) throws IOException {
    try (InputStream in = ScriptsIT.class.getResourceAsStream("/scripts/" + script)) {
      assertThat(in).as("script " + script).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
