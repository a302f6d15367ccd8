package io.junctionsql.planner.dialect;

import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.dialect.H2SqlDialect;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JunctionDialectsTest {
  @Test void hanaAndDatasphereReportHdbAndGetTheHanaDialect() throws Exception {
    SqlDialect d = JunctionDialects.forMetaData(MetaDataStandIn.of("HDB", "4.00.000.00.1700000000", 4, 0));
    assertThat(d).isInstanceOf(HanaSqlDialect.class);
    assertThat(d.quoteIdentifier("Sales_Space")).isEqualTo("\"Sales_Space\"");
    assertThat(d.getSingleRowTableName()).containsExactly("SYS", "DUMMY");
  }

  @Test void theProductNameIsMatchedRegardlessOfCaseAndBlanks() throws Exception {
    assertThat(JunctionDialects.forMetaData(MetaDataStandIn.of(" hdb ", "2.00.070", 2, 0)))
        .isInstanceOf(HanaSqlDialect.class);
  }

  @Test void otherDatabasesGetCalcitesDialect() throws Exception {
    assertThat(JunctionDialects.forMetaData(MetaDataStandIn.of("PostgreSQL", "16.2", 16, 2)))
        .isInstanceOf(PostgresqlSqlDialect.class);
    assertThat(JunctionDialects.forMetaData(MetaDataStandIn.of("H2", "2.3.232", 2, 3)))
        .isInstanceOf(H2SqlDialect.class);
  }

  @Test void aNameThatOnlyContainsHdbIsNotHana() throws Exception {
    assertThat(JunctionDialects.forMetaData(MetaDataStandIn.of("HDBX Warehouse", "1.0", 1, 0)))
        .isNotInstanceOf(HanaSqlDialect.class);
  }

  @Test void theDatabricksDriverReportsSparkSqlAndGetsTheDatabricksDialect() throws Exception {
    // The Databricks JDBC driver (and the Simba Spark driver before it) says "SparkSQL", and a fixed
    // version 3.1.1 that says nothing about the server.
    SqlDialect d = JunctionDialects.forMetaData(MetaDataStandIn.of("SparkSQL", "3.1.1", 3, 1));
    assertThat(d).isInstanceOf(DatabricksSqlDialect.class);
    assertThat(d.quoteIdentifier("Weekly Report`s")).isEqualTo("`Weekly Report``s`");
    assertThat(d.quoteStringLiteral("O'Brien")).isEqualTo("'O\\'Brien'");
  }

  @Test void aSparkThriftServerReportsSparkSqlWithASpaceAndGetsTheDatabricksDialect() throws Exception {
    // What the Hive JDBC driver passes on from a Spark thrift server; the version is Spark's.
    SqlDialect d = JunctionDialects.forMetaData(MetaDataStandIn.of("Spark SQL", "3.5.1", 3, 5));
    assertThat(d).isInstanceOf(DatabricksSqlDialect.class);
    // Quoting is the dialect's own, not the driver's answer (the stand-in answers a double quote).
    assertThat(d.quoteIdentifier("a")).isEqualTo("`a`");
  }

  @Test void sparkAndDatabricksAreMatchedRegardlessOfCaseBlanksAndSeparators() throws Exception {
    for (String name : new String[] {"Spark", " spark sql ", "SPARK_SQL", "Databricks", "databricks-sql",
        "Apache Spark SQL"}) {
      assertThat(JunctionDialects.forMetaData(MetaDataStandIn.of(name, "3.5.0", 3, 5))).as(name)
          .isInstanceOf(DatabricksSqlDialect.class);
    }
  }

  @Test void hiveServerIsNotSpark() throws Exception {
    assertThat(JunctionDialects.forMetaData(MetaDataStandIn.of("Apache Hive", "4.0.1", 4, 0)))
        .isNotInstanceOf(DatabricksSqlDialect.class);
  }

  @Test void aNameThatOnlyContainsSparkIsNotSpark() throws Exception {
    // Calcite's own factory would take this for Spark; Junction's dialect is chosen by exact names only.
    assertThat(JunctionDialects.isSpark("SparkleDB")).isFalse();
    assertThat(JunctionDialects.isSpark("Spark Streaming Gateway")).isFalse();
  }
}
