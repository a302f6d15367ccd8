package io.junctionsql.tck;

import io.junctionsql.driver.fixtures.HanaEmulation;
import io.junctionsql.driver.fixtures.PostgresDatabases;
import io.junctionsql.driver.fixtures.SparkThriftFixture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Datasphere source (on its emulation of HANA's catalog views, named as such) and the Spark source
 * (a Spark 3.5 thrift server forked for the test) through every way in, each answer compared with the
 * same question asked of the data directly.
 */
class SourcesAcrossWaysInIT {
  static HanaEmulation space;
  static SparkThriftFixture spark;
  static PostgresDatabases databases;
  static String oracleUrl;
  static WaysIn ways;
  @TempDir static Path dir;

  @BeforeAll static void setUp() throws Exception {
    space = new HanaEmulation(true);
    spark = new SparkThriftFixture(dir.resolve("spark"));
    spark.execute("CREATE TABLE default.numbers USING parquet AS SELECT id, CAST(id % 7 AS INT) AS k, "
        + "concat('n', CAST(id AS STRING)) AS s FROM range(1, 2001)");
    databases = new PostgresDatabases();
    oracleUrl = databases.create("spark_oracle");
    PostgresDatabases.run(oracleUrl, "CREATE TABLE numbers AS SELECT g::bigint AS id, (g % 7)::int AS k, "
        + "'n' || g AS s FROM generate_series(1, 2000) g;\n");
    ways = new WaysIn(dir.resolve("gateway"), "sources:\n" + space.sourceYaml("sap", "") + spark.sourceYaml("dbx"));
  }

  @AfterAll static void tearDown() throws Exception {
    if (ways != null) {
      ways.close();
    }
    if (spark != null) {
      spark.close();
    }
    if (space != null) {
      space.close();
    }
    if (databases != null) {
      databases.close();
    }
  }

  static List<String> ways() {
    return WaysIn.ALL;
  }

  private static List<List<String>> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<List<String>> out = new ArrayList<>(ScriptRunner.read(rs));
      out.sort(Comparator.comparing(Object::toString));
      return out;
    }
  }

  @ParameterizedTest @MethodSource("ways")
  void datasphereAnswersAsTheSpaceDoes(String way) throws Exception {
    String[][] cases = {
        {"SELECT \"Currency\", COUNT(*) AS n, SUM(\"NetAmount\") AS total FROM sap.SALES_SPACE.\"SalesOrders\" "
            + "WHERE \"OrderDate\" >= DATE '2025-06-01' GROUP BY \"Currency\"",
         "SELECT \"Currency\", COUNT(*), SUM(\"NetAmount\") FROM \"SALES_SPACE$TEC\".\"SalesOrders_T\" "
            + "WHERE \"OrderDate\" >= DATE '2025-06-01' GROUP BY \"Currency\""},
        {"SELECT c.\"Country\", p.\"Category\", SUM(o.\"Quantity\") AS q FROM sap.SALES_SPACE.\"SalesOrders\" o "
            + "JOIN sap.SALES_SPACE.\"Customers\" c ON c.\"CustomerID\" = o.\"CustomerID\" "
            + "JOIN sap.SALES_SPACE.\"Products\" p ON p.\"ProductID\" = o.\"ProductID\" GROUP BY c.\"Country\", p.\"Category\"",
         "SELECT c.\"Country\", p.\"Category\", SUM(o.\"Quantity\") FROM \"SALES_SPACE$TEC\".\"SalesOrders_T\" o "
            + "JOIN \"SALES_SPACE$TEC\".\"Customers_T\" c ON c.\"CustomerID\" = o.\"CustomerID\" "
            + "JOIN \"SALES_SPACE$TEC\".\"Products_T\" p ON p.\"ProductID\" = o.\"ProductID\" GROUP BY c.\"Country\", p.\"Category\""},
        {"SELECT \"CustomerID\", \"CustomerName\" FROM sap.SALES_SPACE.\"Customers\" WHERE \"CustomerName\" LIKE '%ü%'",
         "SELECT \"CustomerID\", \"CustomerName\" FROM \"SALES_SPACE$TEC\".\"Customers_T\" WHERE \"CustomerName\" LIKE '%ü%'"}};
    try (Connection c = ways.connect(way); Connection direct = space.direct()) {
      for (String[] q : cases) {
        List<List<String>> expected = rows(direct, q[1]);
        assertThat(expected).as("the case has rows to compare").isNotEmpty();
        assertThat(rows(c, q[0])).as(q[0]).isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest @MethodSource("ways")
  void sparkAnswersAsTheOracleDoes(String way) throws Exception {
    String[][] cases = {
        {"SELECT k, COUNT(*) AS n, SUM(id) AS total, MAX(s) AS top FROM dbx.\"default\".numbers GROUP BY k",
         "SELECT k, COUNT(*), SUM(id), MAX(s) FROM numbers GROUP BY k"},
        {"SELECT id, s FROM dbx.\"default\".numbers WHERE k = 3 AND id > 1900",
         "SELECT id, s FROM numbers WHERE k = 3 AND id > 1900"}};
    try (Connection c = ways.connect(way); Connection oracle = PostgresDatabases.connect(oracleUrl)) {
      for (String[] q : cases) {
        List<List<String>> expected = rows(oracle, q[1]);
        assertThat(expected).as("the case has rows to compare").isNotEmpty();
        assertThat(rows(c, q[0])).as(q[0]).isEqualTo(expected);
      }
    }
  }
}
