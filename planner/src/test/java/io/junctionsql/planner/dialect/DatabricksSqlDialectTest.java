package io.junctionsql.planner.dialect;

import io.junctionsql.planner.runtime.JunctionTypeSystem;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rel2sql.RelToSqlConverter;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
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
 * The golden cases in {@code dialect/databricks.golden}: each query goes the way Junction's source SQL
 * does (parse, validate, convert to relational algebra, then {@link RelToSqlConverter} with the dialect)
 * and must come out exactly as written in the file.
 */
class DatabricksSqlDialectTest {
  private static final String GOLDEN = "/dialect/databricks.golden";
  private static final List<GoldenFile.Case> CASES = GoldenFile.load(GOLDEN, "databricks");

  @TestFactory Stream<DynamicTest> goldenCases() {
    return CASES.stream().map(c -> DynamicTest.dynamicTest(c.title(),
        () -> GoldenFile.check(GOLDEN, c, DatabricksSqlDialectTest::toDatabricks)));
  }

  @Test void theFileHasAtLeastNinetyCases() {
    assertThat(CASES).hasSizeGreaterThanOrEqualTo(90);
  }

  @Test void everyCaseHasItsOwnTitle() {
    assertThat(CASES).extracting(GoldenFile.Case::title).doesNotHaveDuplicates();
  }

  @Test void aScalarSubQueryGivingSeveralRowsFailsInSparkAsInCalcite() {
    SqlNode single = SqlStdOperatorTable.SINGLE_VALUE.createCall(SqlParserPos.ZERO,
        new SqlIdentifier("x", SqlParserPos.ZERO));
    SqlNode spark = DatabricksSqlDialect.DEFAULT.rewriteSingleValueExpr(single,
        new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT).createSqlType(SqlTypeName.INTEGER));
    assertThat(GoldenFile.normalize(spark.toSqlString(DatabricksSqlDialect.DEFAULT).getSql()))
        .isEqualTo("CASE COUNT(*) WHEN 0 THEN NULL WHEN 1 THEN MIN(`x`)"
            + " ELSE RAISE_ERROR('more than one row in a scalar sub-query') END");
  }

  /** The SQL Junction would send Databricks for a query. */
  static String toDatabricks(String query) throws Exception {
    Planner planner = Frameworks.getPlanner(config());
    SqlNode validated = planner.validate(planner.parse(query));
    RelNode rel = planner.rel(validated).project();
    return new RelToSqlConverter(DatabricksSqlDialect.DEFAULT).visitRoot(rel).asStatement()
        .toSqlString(DatabricksSqlDialect.DEFAULT).getSql();
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
        .defaultSchema(LakehouseCatalog.addTo(root))
        // Junction offers the standard operators; these library functions are added so that the
        // file also pins down how they reach Spark, should Junction offer Calcite's libraries.
        .operatorTable(SqlOperatorTables.chain(SqlStdOperatorTable.instance(),
            SqlOperatorTables.of(SqlLibraryOperators.LPAD, SqlLibraryOperators.RPAD, SqlLibraryOperators.LTRIM,
                SqlLibraryOperators.RTRIM, SqlLibraryOperators.REGEXP_REPLACE_3)))
        .typeSystem(JunctionTypeSystem.INSTANCE)
        .build();
  }
}
