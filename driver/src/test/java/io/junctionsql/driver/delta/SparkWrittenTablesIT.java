package io.junctionsql.driver.delta;

import io.junctionsql.driver.JunctionStatement;
import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.planner.runtime.SourceQuery;
import io.junctionsql.sparkfixture.ForkedJvm;
import io.junctionsql.sparkfixture.SparkDeltaTables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tables written by Spark with Delta Lake (in a forked JVM): deletion vectors after a DELETE, column
 * mapping in name and id mode after a rename and a drop, and nested types. Junction reads each the way
 * Spark reads it back, row for row.
 */
class SparkWrittenTablesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  private static Path config;

  @BeforeAll static void writeWithSpark() throws Exception {
    Path fixture = Path.of(System.getProperty("junction.sparkFixtureDir", "../spark-fixture"));
    ForkedJvm.run(fixture, SparkDeltaTables.class, 600, dir.toString());
    config = GatewayFiles.write(dir, "spark.yaml", "sources:\n  lake:\n    kind: delta\n    location: "
        + dir.resolve("lake").toUri() + "\n");
  }

  @Test void theFixtureReallyUsesDeletionVectorsAndColumnMapping() throws Exception {
    String dvLog = logText("deletion_vectors");
    assertThat(dvLog).contains("\"deletionVector\":{");
    assertThat(logText("column_mapping_name")).contains("\"delta.columnMapping.mode\":\"name\"");
    assertThat(logText("column_mapping_id")).contains("\"delta.columnMapping.mode\":\"id\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"deletion_vectors", "column_mapping_name", "column_mapping_id", "nested"})
  void readsWhatSparkReads(String table) throws Exception {
    List<String> expected = Files.readAllLines(dir.resolve("expected").resolve(table + ".jsonl"));
    try (Connection c = GatewayFiles.connect(config); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT * FROM lake.spark." + table + " ORDER BY id")) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> mismatches = new ArrayList<>();
      int row = 0;
      while (rs.next()) {
        assertThat(row).as("more rows than Spark reads").isLessThan(expected.size());
        JsonNode spark = JSON.readTree(expected.get(row));
        for (int i = 1; i <= md.getColumnCount(); i++) {
          String column = md.getColumnLabel(i);
          JsonNode want = spark.get(column);
          String got = rs.getString(i);
          if (!same(want, got)) {
            mismatches.add("row " + row + " column " + column + ": Spark " + want + ", Junction " + got);
          }
        }
        row++;
      }
      assertThat(row).as("rows").isEqualTo(expected.size());
      assertThat(mismatches).isEmpty();
    }
  }

  @Test void deletedRowsStayDeletedUnderFiltersAndCounts() throws Exception {
    try (Connection c = GatewayFiles.connect(config); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(id) FROM lake.spark.deletion_vectors"
          + " WHERE id BETWEEN 490 AND 610")) {
        rs.next();
        // 490..610 is 121 ids; 500..599 were deleted, and of the rest 490, 497, 602, 609 are multiples of 7.
        assertThat(rs.getLong(1)).isEqualTo(121 - 100 - 4);
      }
      assertThat(explain(s, "SELECT * FROM lake.spark.deletion_vectors"))
          .as("row estimate from the log, less the deleted rows")
          .contains("estimated rows: " + Files.readAllLines(dir.resolve("expected/deletion_vectors.jsonl")).size());
    }
  }

  @Test void renamedColumnIsFilteredThroughItsPhysicalName() throws Exception {
    try (Connection c = GatewayFiles.connect(config); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT id, new_name, added FROM lake.spark.column_mapping_name"
          + " WHERE new_name = 'w550' OR id = 7")) {
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
        }
        assertThat(rows).containsExactlyInAnyOrder("7|v7|null", "550|w550|added 550");
      }
      List<String> sent = new ArrayList<>();
      for (SourceQuery q : s.unwrap(JunctionStatement.class).sourceQueries()) {
        sent.add(q.sql());
      }
      assertThat(sent).anyMatch(q -> q.contains("column(`new_name`)"));
    }
  }

  private static boolean same(JsonNode want, String got) throws Exception {
    if (want == null || want.isNull()) {
      return got == null;
    }
    if (got == null) {
      return false;
    }
    if (want.isContainerNode()) {
      return JSON.readTree(got).equals(want);
    }
    if (want.isNumber()) {
      return want.decimalValue().compareTo(new java.math.BigDecimal(got)) == 0;
    }
    return want.asText().equals(got);
  }

  private static String logText(String table) throws Exception {
    StringBuilder all = new StringBuilder();
    try (var files = Files.list(dir.resolve("lake/spark").resolve(table).resolve("_delta_log"))) {
      for (Path p : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        all.append(Files.readString(p));
      }
    }
    return all.toString();
  }

  private static String explain(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
