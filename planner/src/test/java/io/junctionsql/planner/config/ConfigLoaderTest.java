package io.junctionsql.planner.config;

import io.junctionsql.planner.source.SourceKinds;
import io.junctionsql.planner.source.jdbc.JdbcSourceConfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {
  @TempDir Path dir;

  private GatewayConfig parse(String yaml, Map<String, String> env) {
    return new ConfigLoader(SourceKinds.parsers(), env).parse(dir.resolve("junction.yaml"), yaml, dir);
  }

  private GatewayConfig parse(String yaml) {
    return parse(yaml, Map.of());
  }

  @Test void readsAJdbcSourceWithDefaults() {
    GatewayConfig c = parse("sources:\n  sap:\n    kind: jdbc\n    url: jdbc:postgresql://h:5432/sales\n"
        + "    user: reader\n");
    JdbcSourceConfig s = (JdbcSourceConfig) c.sources().get("sap");
    assertThat(s.url()).isEqualTo("jdbc:postgresql://h:5432/sales");
    assertThat(s.user()).isEqualTo("reader");
    assertThat(s.password().isEmpty()).isTrue();
    assertThat(s.fetchSize()).isEqualTo(JdbcSourceConfig.DEFAULT_FETCH_SIZE);
    assertThat(s.metadataCacheTtl()).isEqualTo(JdbcSourceConfig.DEFAULT_METADATA_CACHE_TTL);
    assertThat(s.connectTimeout()).isEqualTo(JdbcSourceConfig.DEFAULT_CONNECT_TIMEOUT);
    assertThat(s.poolSize()).isEqualTo(JdbcSourceConfig.DEFAULT_POOL_SIZE);
  }

  @Test void readsEveryOption() {
    GatewayConfig c = parse("sources:\n  erp:\n    kind: jdbc\n    url: jdbc:h2:mem:x\n    driver: org.h2.Driver\n"
        + "    schemas: [A, B]\n    metadata-cache-ttl: 30s\n    fetch-size: 5000\n    connect-timeout: 2m\n"
        + "    pool-size: 3\n    properties:\n      ssl: true\n");
    JdbcSourceConfig s = (JdbcSourceConfig) c.sources().get("erp");
    assertThat(s.driver()).isEqualTo("org.h2.Driver");
    assertThat(s.schemas()).containsExactly("A", "B");
    assertThat(s.metadataCacheTtl()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.fetchSize()).isEqualTo(5000);
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(s.poolSize()).isEqualTo(3);
    assertThat(s.properties()).containsEntry("ssl", "true");
  }

  @Test void keepsSourcesInFileOrder() {
    GatewayConfig c = parse("sources:\n  zeta:\n    kind: jdbc\n    url: jdbc:h2:mem:z\n"
        + "  alpha:\n    kind: jdbc\n    url: jdbc:h2:mem:a\n");
    assertThat(c.sources().keySet()).containsExactly("zeta", "alpha");
  }

  @Test void environmentAndFileReferencesResolve() throws Exception {
    Files.writeString(dir.resolve("pw.txt"), "from-file\n");
    GatewayConfig c = parse("sources:\n  a:\n    kind: jdbc\n    url: jdbc:h2:mem:${env:DB_NAME}\n"
        + "    user: ${env:DB_USER}\n    password: ${file:pw.txt}\n", Map.of("DB_NAME", "sales", "DB_USER", "bob"));
    JdbcSourceConfig s = (JdbcSourceConfig) c.sources().get("a");
    assertThat(s.url()).isEqualTo("jdbc:h2:mem:sales");
    assertThat(s.user()).isEqualTo("bob");
    assertThat(s.password().reveal()).isEqualTo("from-file");
    assertThat(s.password().toString()).isEqualTo("****");
    assertThat(c.secrets()).contains(Secret.of("from-file"));
  }

  @Test void missingEnvironmentVariableIsNamedWithItsKey() {
    assertThatThrownBy(() -> parse("sources:\n  a:\n    kind: jdbc\n    url: jdbc:h2:mem:x\n"
        + "    password: ${env:SALES_PASSWORD}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sources.a.password")
        .hasMessageContaining("environment variable SALES_PASSWORD is not set");
  }

  @Test void unreadableFileIsNamed() {
    assertThatThrownBy(() -> parse("sources:\n  a:\n    kind: jdbc\n    url: jdbc:h2:mem:x\n"
        + "    password: ${file:missing.txt}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sources.a.password")
        .hasMessageContaining("missing.txt")
        .hasMessageContaining("cannot read");
  }

  @Test void unknownKeySuggestsTheRightOne() {
    assertThatThrownBy(() -> parse("sources:\n  a:\n    kind: jdbc\n    url: jdbc:h2:mem:x\n    fetchsize: 10\n"))
        .hasMessageContaining("sources.a.fetchsize: unknown key for a jdbc source")
        .hasMessageContaining("Did you mean 'fetch-size'?");
    assertThatThrownBy(() -> parse("source:\n  a:\n    kind: jdbc\n"))
        .hasMessageContaining("source: unknown key for the gateway").hasMessageContaining("'sources'");
  }

  @Test void unknownKindListsTheKnownOnes() {
    assertThatThrownBy(() -> parse("sources:\n  a:\n    kind: jbdc\n    url: jdbc:h2:mem:x\n"))
        .hasMessageContaining("sources.a.kind: unknown source kind 'jbdc'")
        .hasMessageContaining("Did you mean 'jdbc'?");
  }

  @Test void missingAndWronglyShapedValues() {
    assertThatThrownBy(() -> parse("sources:\n  a:\n    kind: jdbc\n"))
        .hasMessageContaining("sources.a.url: missing");
    assertThatThrownBy(() -> parse("sources:\n  a:\n    kind: jdbc\n    url: postgresql://x\n"))
        .hasMessageContaining("sources.a.url").hasMessageContaining("must start with jdbc:");
    assertThatThrownBy(() -> parse("sources:\n  a:\n    kind: jdbc\n    url: jdbc:h2:mem:x\n    fetch-size: lots\n"))
        .hasMessageContaining("sources.a.fetch-size: 'lots' is not a whole number");
    assertThatThrownBy(() -> parse("sources:\n  a:\n    kind: jdbc\n    url: jdbc:h2:mem:x\n    fetch-size: 0\n"))
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> parse("sources:\n  a:\n    kind: jdbc\n    url: jdbc:h2:mem:x\n"
        + "    connect-timeout: soon\n")).hasMessageContaining("is not a duration");
    assertThatThrownBy(() -> parse("sources:\n  a:\n    kind: jdbc\n    url: [1, 2]\n"))
        .hasMessageContaining("sources.a.url: expected a single value, found a list");
    assertThatThrownBy(() -> parse("sources: 5\n")).hasMessageContaining("sources: expected a mapping");
  }

  @Test void namesAreValidatedAndReserved() {
    assertThatThrownBy(() -> parse("sources:\n  junction:\n    kind: jdbc\n    url: jdbc:h2:mem:x\n"))
        .hasMessageContaining("reserved");
    assertThatThrownBy(() -> parse("sources:\n  my-db:\n    kind: jdbc\n    url: jdbc:h2:mem:x\n"))
        .hasMessageContaining("not a valid source name");
    assertThatThrownBy(() -> parse("sources:\n  Sap:\n    kind: jdbc\n    url: jdbc:h2:mem:x\n"
        + "  sap:\n    kind: jdbc\n    url: jdbc:h2:mem:y\n"))
        .hasMessageContaining("regardless of case");
  }

  @Test void emptyAndBrokenFiles() {
    assertThatThrownBy(() -> parse("")).hasMessageContaining("is empty");
    assertThatThrownBy(() -> parse("sources: {}\n")).hasMessageContaining("sources: missing or empty");
    assertThatThrownBy(() -> parse("sources:\n  a: [unclosed\n")).hasMessageContaining("not valid YAML")
        .hasMessageContaining("line");
  }

  @Test void missingFileIsNamed() {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> new ConfigLoader(SourceKinds.parsers(), Map.of()).load(missing))
        .isInstanceOf(ConfigException.class).hasMessageContaining("nope.yaml").hasMessageContaining("does not exist");
  }

  @Test void datasphereSourcesAreSecureByDefault() {
    GatewayConfig c = parse("sources:\n  sap:\n    kind: datasphere\n    url: jdbc:sap://x.hana.ondemand.com:443/\n"
        + "    user: SALES#READER\n    space: SALES\n    semantics: [csn/sales.json, csn/more]\n");
    io.junctionsql.planner.source.datasphere.DatasphereSourceConfig s =
        (io.junctionsql.planner.source.datasphere.DatasphereSourceConfig) c.sources().get("sap");
    assertThat(s.properties()).containsEntry("encrypt", "true").containsEntry("validateCertificate", "true");
    assertThat(s.semanticsMode()).isEqualTo("strict");
    assertThat(s.semantics()).containsExactly(dir.resolve("csn/sales.json"), dir.resolve("csn/more"));
    GatewayConfig own = parse("sources:\n  sap:\n    kind: datasphere\n"
        + "    url: jdbc:sap://localhost:39015/?encrypt=false\n    space: SALES\n    semantics-mode: warn\n");
    io.junctionsql.planner.source.datasphere.DatasphereSourceConfig o =
        (io.junctionsql.planner.source.datasphere.DatasphereSourceConfig) own.sources().get("sap");
    assertThat(o.properties()).doesNotContainKey("encrypt");
    assertThat(o.semanticsMode()).isEqualTo("warn");
    assertThatThrownBy(() -> parse("sources:\n  sap:\n    kind: datasphere\n    url: jdbc:sap://h/\n"
        + "    space: S\n    semantics-mode: lenient\n"))
        .hasMessageContaining("sources.sap.semantics-mode: 'lenient' is not one of strict, warn, off");
    assertThatThrownBy(() -> parse("sources:\n  sap:\n    kind: datasphere\n    url: jdbc:sap://h/\n"))
        .hasMessageContaining("sources.sap.space: missing");
  }

  @Test void configErrorsCarryTheConfigSqlState() {
    ConfigException e = new ConfigException("x");
    assertThat(e.sqlState()).isEqualTo("F0000");
  }

  private static final String ONE_SOURCE = "sources:\n  a:\n    kind: jdbc\n    url: jdbc:h2:mem:x\n";

  @Test void queryMemoryDefaultsToAQuarterOfTheHeap() {
    assertThat(parse(ONE_SOURCE).queryMemory()).isEqualTo(Runtime.getRuntime().maxMemory() / 4);
  }

  @Test void readsQueryMemoryInBinaryUnits() {
    assertThat(parse(ONE_SOURCE + "query-memory: 512MiB\n").queryMemory()).isEqualTo(512L << 20);
    assertThat(parse(ONE_SOURCE + "query-memory: 2g\n").queryMemory()).isEqualTo(2L << 30);
  }

  @Test void refusesAQueryMemoryThatIsNoSize() {
    assertThatThrownBy(() -> parse(ONE_SOURCE + "query-memory: lots\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("query-memory: 'lots' is not a size")
        .hasMessageContaining("512MiB");
    assertThatThrownBy(() -> parse(ONE_SOURCE + "query-memory: 10\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("query-memory: 10 bytes is too small; use at least 1 KiB");
  }

  @Test void suggestsQueryMemoryForAMisspelledKey() {
    assertThatThrownBy(() -> parse(ONE_SOURCE + "query_memory: 1GiB\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Did you mean 'query-memory'?");
  }

  @Test void optimizerSectionDefaultsAndOverrides() {
    String sources = "sources:\n  a:\n    kind: jdbc\n    url: jdbc:h2:mem:x\n";
    assertThat(parse(sources).optimizer()).isEqualTo(OptimizerConfig.DEFAULTS);
    OptimizerConfig set = parse(sources + "optimizer:\n  cross-source: false\n  semi-join:\n    max-keys: 50\n"
        + "    batch-size: 5\n").optimizer();
    assertThat(set).isEqualTo(new OptimizerConfig(false, 50, 5));
    assertThat(set.withConnectionProperty("true").crossSource()).isTrue();
    assertThatThrownBy(() -> set.withConnectionProperty("maybe")).hasMessageContaining("optimizer.cross-source");
  }

  @Test void parallelReadsDefaultToFourAndMayBeSetInTheConfigAndPerConnection() {
    String sources = "sources:\n  a:\n    kind: jdbc\n    url: jdbc:h2:mem:x\n";
    assertThat(parse(sources).optimizer().parallelReads()).isEqualTo(4);
    OptimizerConfig one = parse(sources + "optimizer:\n  parallel-reads: 1\n").optimizer();
    assertThat(one).isEqualTo(new OptimizerConfig(true, 50_000, 1_000, 1));
    assertThat(one.withParallelReadsProperty(" 8 ").parallelReads()).isEqualTo(8);
    assertThat(one.withParallelReadsProperty(null)).isSameAs(one);
    assertThat(one.withParallelReadsProperty("8").withConnectionProperty("false"))
        .isEqualTo(new OptimizerConfig(false, 50_000, 1_000, 8));
    for (String bad : new String[] {"0", "65", "many"}) {
      assertThatThrownBy(() -> one.withParallelReadsProperty(bad))
          .hasMessageContaining("optimizer.parallel-reads: '" + bad + "' is not a whole number from 1 to 64");
    }
    assertThatThrownBy(() -> parse(sources + "optimizer:\n  parallel-reads: 0\n"))
        .hasMessageContaining("optimizer.parallel-reads").hasMessageContaining("out of range");
  }

  @Test void sourceEstimatesAreOnByDefaultAndMayBeSwitchedOff() {
    String sources = "sources:\n  a:\n    kind: jdbc\n    url: jdbc:h2:mem:x\n";
    assertThat(parse(sources).optimizer().sourceEstimates()).isTrue();
    OptimizerConfig off = parse(sources + "optimizer:\n  source-estimates: false\n").optimizer();
    assertThat(off).isEqualTo(new OptimizerConfig(true, 50_000, 1_000, 4, false));
    assertThat(off.withConnectionProperty("false").withParallelReadsProperty("2").sourceEstimates())
        .as("the connection properties keep it").isFalse();
    assertThatThrownBy(() -> parse(sources + "optimizer:\n  source-estimate: false\n"))
        .hasMessageContaining("Did you mean 'source-estimates'?");
  }

  @Test void unknownOptimizerKeySuggestsTheRightOne() {
    assertThatThrownBy(() -> parse("sources:\n  a:\n    kind: jdbc\n    url: jdbc:h2:mem:x\n"
        + "optimizer:\n  semi-join:\n    max-key: 5\n"))
        .hasMessageContaining("optimizer.semi-join.max-key").hasMessageContaining("Did you mean 'max-keys'?");
    assertThatThrownBy(() -> parse("sources:\n  a:\n    kind: jdbc\n    url: jdbc:h2:mem:x\n"
        + "optimizer:\n  semi-join:\n    batch-size: 0\n"))
        .hasMessageContaining("optimizer.semi-join.batch-size").hasMessageContaining("out of range");
  }
}
