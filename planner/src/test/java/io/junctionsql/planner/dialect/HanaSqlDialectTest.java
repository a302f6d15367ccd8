package io.junctionsql.planner.dialect;

import io.junctionsql.planner.runtime.JunctionTypeSystem;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rel2sql.RelToSqlConverter;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden cases in {@code dialect/hana.golden}: each query goes the way Junction's source SQL does
 * (parse, validate, convert to relational algebra, then {@link RelToSqlConverter} with the dialect) and
 * must come out exactly as written in the file.
 */
class HanaSqlDialectTest {
  private static final String GOLDEN = "/dialect/hana.golden";
  private static final List<GoldenFile.Case> CASES = GoldenFile.load(GOLDEN, "hana");

  @TestFactory Stream<DynamicTest> goldenCases() {
    return CASES.stream().map(c -> DynamicTest.dynamicTest(c.title(),
        () -> GoldenFile.check(GOLDEN, c, HanaSqlDialectTest::toHana)));
  }

  @Test void theFileHasAtLeastOneHundredCases() {
    assertThat(CASES).hasSizeGreaterThanOrEqualTo(100);
  }

  @Test void everyCaseHasItsOwnTitle() {
    assertThat(CASES).extracting(GoldenFile.Case::title).doesNotHaveDuplicates();
  }

  /** The SQL Junction would send HANA for a query. */
  static String toHana(String query) throws Exception {
    Planner planner = Frameworks.getPlanner(config());
    SqlNode validated = planner.validate(planner.parse(query));
    RelNode rel = planner.rel(validated).project();
    return new RelToSqlConverter(HanaSqlDialect.DEFAULT).visitRoot(rel).asStatement()
        .toSqlString(HanaSqlDialect.DEFAULT).getSql();
  }

  private static FrameworkConfig config() {
    SchemaPlus root = Frameworks.createRootSchema(false);
    // Read as Junction reads SQL: double quotes, names kept as written, matched regardless of case.
    SqlParser.Config parser = SqlParser.config()
        .withQuoting(Quoting.DOUBLE_QUOTE)
        .withUnquotedCasing(Casing.UNCHANGED)
        .withQuotedCasing(Casing.UNCHANGED)
        .withCaseSensitive(false);
    return Frameworks.newConfigBuilder()
        .parserConfig(parser)
        .defaultSchema(SalesSpaceSchema.addTo(root))
        .typeSystem(JunctionTypeSystem.INSTANCE)
        .build();
  }
}
