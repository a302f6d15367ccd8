package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.dialect.DatabricksSqlDialect;

import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The count Junction sends for a table whose catalog has no row count: bounded where every row has to be
 * read, whole for Databricks, whose Delta tables answer a plain {@code COUNT(*)} from their log (a bounded
 * count's sub-query makes Spark scan the files and stops at a million rows, so a six-million-row fact table
 * was planned as one million).
 */
class JdbcStatisticsCountSqlTest {
  @Test void databricksCountsTheWholeTableInOneAggregate() {
    assertThat(JdbcStatistics.fullCountSql(DatabricksSqlDialect.DEFAULT, "tpch", "line`item"))
        .isEqualToIgnoringWhitespace("SELECT COUNT(*) FROM `tpch`.`line``item`");
  }

  @Test void otherDatabasesStopCountingAfterAMillionRows() {
    assertThat(JdbcStatistics.boundedCountSql(PostgresqlSqlDialect.DEFAULT, "sales", "orders"))
        .contains("FROM \"sales\".\"orders\"").contains("FETCH NEXT 1000001 ROWS ONLY");
  }
}
