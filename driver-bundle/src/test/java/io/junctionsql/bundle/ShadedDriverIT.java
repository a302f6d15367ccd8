package io.junctionsql.bundle;

import io.junctionsql.bundle.probe.JdbcProbe;
import io.junctionsql.driver.fixtures.FederatedData;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded jar alone runs a federated query: a JVM of its own gets the jar, the SLF4J API with a simple
 * binding (the jar leaves logging to its host) and a probe that uses only {@code java.sql}. Relocation
 * breaks what finds classes by name (service files, Janino compiling Calcite's generated code, Jackson
 * modules, Parquet codecs); a query over PostgreSQL and Delta, with an expression evaluated in Junction,
 * goes through all of them.
 */
class ShadedDriverIT {
  @TempDir static Path dir;
  static FederatedData data;
  static List<String> output;

  @BeforeAll static void runProbe() throws Exception {
    data = new FederatedData().withLake(dir);
    Path config = FederatedRead.gateway(data, dir);
    // Only the probe's class file, not the test class path: nothing of Junction or its libraries comes along.
    Path probeDir = dir.resolve("probe");
    String probeFile = JdbcProbe.class.getName().replace('.', '/') + ".class";
    Files.createDirectories(probeDir.resolve(probeFile).getParent());
    Files.copy(Path.of(JdbcProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve(probeFile),
        probeDir.resolve(probeFile));
    String classpath = String.join(File.pathSeparator, Bundle.shadedJar().toString(), Bundle.slf4jApi().toString(),
        Bundle.slf4jSimple().toString(), probeDir.toString());
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-Duser.timezone=Asia/Kolkata",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.junction.source=debug",
        "-Dorg.slf4j.simpleLogger.logFile=System.out",
        "-cp", classpath, JdbcProbe.class.getName(), "jdbc:junction:config=" + config, FederatedRead.JUNCTION_QUERY));
    Path log = dir.resolve("probe.log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the probe finishes").isTrue();
      output = Files.readAllLines(log);
      assertThat(p.exitValue()).as("probe exit code; output:\n%s", String.join("\n", output)).isZero();
    } finally {
      p.destroyForcibly();
    }
  }

  @AfterAll static void close() throws Exception {
    if (data != null) {
      data.close();
    }
  }

  @Test void theProbeSeesNoThirdPartyClassUnderItsOriginalName() {
    assertThat(output).noneMatch(l -> l.startsWith("UNRELOCATED"));
  }

  @Test void federatedRowsEqualTheOracles() throws Exception {
    List<List<String>> expected = FederatedRead.oracleRows(data);
    List<List<String>> actual = FederatedRead.sorted(FederatedRead.rowLines(output, 0));
    assertThat(expected).hasSizeGreaterThan(1000);
    assertThat(actual).hasSameSizeAs(expected);
    assertThat(actual).isEqualTo(expected);
  }

  @Test void bothSourcesWereReadAndLoggedOnJunctionSource() {
    // The DEBUG lines come through the host's SLF4J binding: logging was not cut off by the shading.
    List<FederatedRead.SourceStatement> statements = FederatedRead.sourceStatements(output);
    assertThat(statements).anyMatch(s -> s.source().equals("sap") && s.sql().contains("customers"));
    assertThat(statements).anyMatch(s -> s.source().equals("lake"));
  }

  private static String meta(String call) {
    return output.stream().filter(l -> l.startsWith("META " + call + " ")).findFirst()
        .map(l -> l.substring(("META " + call + " ").length()))
        .orElseThrow(() -> new AssertionError("the probe printed no " + call + ":\n" + String.join("\n", output)));
  }

  /**
   * The metadata contract, as a BI tool browses the catalog, answered by the shaded jar alone (the probe
   * also calls getImportedKeys and getFunctions; a failure there ends it with an error).
   */
  @Test void aToolBrowsesTheCatalogThroughTheShadedJar() {
    assertThat(meta("getCatalogs")).contains("lake", "sap");
    assertThat(meta("getSchemas")).contains("sap.master", "sap.sales", "lake.marketing");
    assertThat(meta("getTables")).contains("sap.master.customers", "sap.sales.orders", "lake.marketing.events");
    assertThat(meta("getColumns")).isEqualTo("[customer_id.4, name.12, country.1, segment.12]");
    assertThat(meta("getPrimaryKeys")).isEqualTo("[customer_id]");
    assertThat(meta("getPrimaryKeysAll")).contains("customers.customer_id", "orders.order_id", "products.product_id");
    assertThat(meta("getTypeInfo")).contains("INTEGER", "VARCHAR", "DECIMAL", "TIMESTAMP");
  }
}
