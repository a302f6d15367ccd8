package io.junctionsql.bundle;

import io.junctionsql.driver.fixtures.FederatedData;
import io.junctionsql.sparkfixture.ForkedJvm;
import io.junctionsql.sparkfixture.SparkJdbcRead;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Databricks notebook path on a real Spark 3.5.4: a forked JVM with Spark's class path plus only the
 * shaded jar (after Spark's jars, where a cluster library lands, so Spark's own Guava, Jackson, Janino,
 * Parquet, Hadoop and Delta win every clash) reads a federated query with {@code spark.read.format("jdbc")}
 * in four partitions on {@code local[2]}. Spark's generic dialect double-quotes the partition column, wraps
 * the query as a subquery, probes it with {@code WHERE 1=0}, and sends one range predicate per partition.
 * The fork's Log4j 2 (Spark's SLF4J binding) writes logger {@code junction.source} to a file, which shows
 * what PostgreSQL received.
 */
class SparkPartitionedReadIT {
  private static final int PARTITIONS = 4;
  private static final int LOWER = 1;
  private static final int UPPER = 201; // customers 1..200: a stride of 50
  private static final int STRIDE = (UPPER - LOWER) / PARTITIONS;

  @TempDir static Path dir;
  static FederatedData data;
  static List<String> output;
  static List<FederatedRead.SourceStatement> statements;

  @BeforeAll static void readWithSpark() throws Exception {
    data = new FederatedData().withLake(dir);
    Path config = FederatedRead.gateway(data, dir);
    Path sourceLog = dir.resolve("junction-source.log");
    Path log4j = dir.resolve("log4j2.properties");
    Files.writeString(log4j, String.join("\n",
        "rootLogger.level = warn",
        "rootLogger.appenderRef.console.ref = console",
        "appender.console.type = Console",
        "appender.console.name = console",
        "appender.console.target = SYSTEM_ERR",
        "appender.console.layout.type = PatternLayout",
        "appender.console.layout.pattern = %d %p %c: %m%n",
        "appender.sources.type = File",
        "appender.sources.name = sources",
        "appender.sources.fileName = " + sourceLog,
        "appender.sources.layout.type = PatternLayout",
        "appender.sources.layout.pattern = %m%n",
        "logger.junction.name = junction.source",
        "logger.junction.level = debug",
        "logger.junction.additivity = false",
        "logger.junction.appenderRef.sources.ref = sources", ""));
    Path out = dir.resolve("spark-rows.txt");
    ForkedJvm.run(Path.of(System.getProperty("junction.sparkFixtureDir", "../spark-fixture")),
        List.of(Bundle.shadedJar()),
        List.of("-Dlog4j2.configurationFile=" + log4j.toUri(), "-Duser.timezone=Asia/Kolkata"),
        SparkJdbcRead.class, 300, out.toString(),
        "url=jdbc:junction:config=" + config,
        "driver=io.junctionsql.driver.JunctionDriver",
        // A query with a partition column must come as dbtable: Spark refuses partitionColumn with query.
        "dbtable=(" + FederatedRead.JUNCTION_QUERY + ") fed",
        "partitionColumn=customer_id",
        "lowerBound=" + LOWER,
        "upperBound=" + UPPER,
        "numPartitions=" + PARTITIONS,
        // Spark's default of 0 leaves the size to the driver; a notebook should set one.
        "fetchsize=500");
    output = Files.readAllLines(out);
    statements = FederatedRead.sourceStatements(FederatedRead.readLines(sourceLog));
  }

  @AfterAll static void close() throws Exception {
    if (data != null) {
      data.close();
    }
  }

  @Test void sparkReadsInFourPartitionsWithJunctionsTypes() {
    assertThat(output).contains("PARTITIONS " + PARTITIONS);
    assertThat(output).contains("SCHEMA struct<customer_id:int,name:string,country:string,event_id:bigint,"
        + "event_day:date,channel:string,amount:decimal(18,2),cost:double,label:string>");
  }

  @Test void rowsEqualTheOracles() throws Exception {
    List<List<String>> expected = FederatedRead.oracleRows(data);
    List<List<String>> actual = FederatedRead.sorted(FederatedRead.rowLines(output, 1));
    assertThat(expected).hasSizeGreaterThan(1000);
    assertThat(actual).hasSameSizeAs(expected); // no partition read a row twice or lost one
    assertThat(actual).isEqualTo(expected);
  }

  @Test void eachPartitionHoldsOnlyItsStride() {
    // Spark's predicates: p0 customer_id < 51 (or null), p1 [51, 101), p2 [101, 151), p3 >= 151.
    int[] rowsPerPartition = new int[PARTITIONS];
    for (String line : output) {
      if (!line.startsWith("ROW\t")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      int partition = Integer.parseInt(f[1]);
      int customer = Integer.parseInt(f[2]);
      rowsPerPartition[partition]++;
      int from = partition == 0 ? Integer.MIN_VALUE : LOWER + partition * STRIDE;
      int to = partition == PARTITIONS - 1 ? Integer.MAX_VALUE : LOWER + (partition + 1) * STRIDE;
      assertThat(customer).as("customer of a row read by partition %d", partition).isGreaterThanOrEqualTo(from)
          .isLessThan(to);
    }
    assertThat(rowsPerPartition).as("rows per partition").doesNotContain(0);
  }

  @Test void everyPartitionPredicateReachedPostgres() {
    // Each statement PostgreSQL received, reduced to its comparisons on customer_id ("<51", ">=51,<101" ...):
    // the four strides must all be there, so Junction pushed each partition's predicate into the source
    // instead of reading all customers four times and filtering in the gateway.
    Pattern comparison = Pattern.compile("\"customer_id\"\\s*(<=|>=|<|>)\\s*(\\d+)");
    Set<String> received = new TreeSet<>();
    List<String> sapSql = new ArrayList<>();
    for (FederatedRead.SourceStatement s : statements) {
      if (!s.source().equals("sap")) {
        continue;
      }
      sapSql.add(s.sql());
      Matcher m = comparison.matcher(s.sql());
      List<String> parts = new ArrayList<>();
      while (m.find()) {
        parts.add(m.group(1) + m.group(2));
      }
      if (!parts.isEmpty()) {
        received.add(String.join(",", new TreeSet<>(parts)));
      }
    }
    assertThat(received).as("customer_id ranges in the SQL PostgreSQL received: %s", sapSql)
        .contains("<51", "<101,>=51", "<151,>=101", ">=151");
  }
}
