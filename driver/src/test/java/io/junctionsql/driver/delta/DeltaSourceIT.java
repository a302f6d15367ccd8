package io.junctionsql.driver.delta;

import io.junctionsql.driver.JunctionStatement;
import io.junctionsql.driver.fixtures.DeltaEvents;
import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.driver.fixtures.TextRows;
import io.junctionsql.planner.runtime.SourceQuery;
import io.junctionsql.planner.source.delta.write.DeltaTableWriter;

import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Delta source: pruning, skipping, streaming, snapshots, time travel, discovery and errors. */
class DeltaSourceIT {
  @TempDir static Path dir;
  private static Path config;

  @BeforeAll static void setUp() {
    DeltaEvents.write(dir.resolve("lake/marketing/events"));
    config = GatewayFiles.write(dir, "delta.yaml", "sources:\n  lake:\n    kind: delta\n    location: "
        + dir.resolve("lake").toUri() + "\n");
  }

  @Test void partitionPredicateReadsOneFileOfForty() throws Exception {
    Result r = run(config, "SELECT COUNT(*) FROM lake.marketing.events WHERE event_day = DATE '2024-03-05'");
    assertThat(r.rows()).containsExactly(List.of(String.valueOf(DeltaEvents.ROWS_PER_DAY)));
    assertThat(r.sent()).anyMatch(s -> s.contains("FILES 1 OF 40"));
    assertThat(r.sent()).anyMatch(s -> s.startsWith("READ 1 OF 1 FILES, 250 ROWS"));
  }

  @Test void rangeOnAnOrdinaryColumnSkipsFilesByStatistics() throws Exception {
    Result r = run(config, "SELECT MIN(id), MAX(id), COUNT(*) FROM lake.marketing.events WHERE id BETWEEN 1001 AND 1300");
    assertThat(r.rows()).containsExactly(List.of("1001", "1300", "300"));
    assertThat(r.sent()).anyMatch(s -> s.contains("KERNEL PREDICATE ((column(`id`) >= 1001) AND (column(`id`) <= 1300))")
        && s.contains("FILES 2 OF 40"));
  }

  @Test void filterKernelCannotTakeReadsEverythingAndStillFilters() throws Exception {
    Result r = run(config, "SELECT COUNT(*) FROM lake.marketing.events WHERE UPPER(channel) = 'WEB'");
    assertThat(Integer.parseInt(r.rows().get(0).get(0))).isBetween(1000, 2500);
    assertThat(r.sent()).anyMatch(s -> s.contains("KERNEL PREDICATE none") && s.contains("FILES 40 OF 40"));
  }

  @Test void onlyTheColumnsUsedAreRead() throws Exception {
    Result r = run(config, "SELECT channel, SUM(amount) FROM lake.marketing.events GROUP BY channel");
    assertThat(r.sent()).anyMatch(s -> s.contains("COLUMNS (channel, amount)"));
  }

  @Test void limitStopsReading() throws Exception {
    Result r = run(config, "SELECT id FROM lake.marketing.events LIMIT 10");
    assertThat(r.rows()).hasSize(10);
    // The limit stops the scan in the first file (it may pull one row past the limit to see it is done).
    assertThat(r.sent()).anyMatch(s -> s.startsWith("READ 1 OF 40 FILES"));
  }

  @Test void rowCountComesFromTheLog() throws Exception {
    Result r = run(config, "EXPLAIN PLAN FOR SELECT * FROM lake.marketing.events");
    assertThat(r.rows().get(0).get(0)).contains("estimated rows: 10000").contains("FILES 40 OF 40")
        .contains("COLUMNS (id, event_day, customer_id");
  }

  @Test void timeTravelByVersionAndTimestamp() throws Exception {
    Path table = dir.resolve("travel/default/notes");
    StructType schema = new StructType().add("n", IntegerType.INTEGER).add("s", StringType.STRING);
    DeltaTableWriter writer = new DeltaTableWriter(table.toUri().toString(), schema, List.of());
    assertThat(writer.append(rows(0, 10), 10)).isZero();
    Thread.sleep(50);
    Instant between = Instant.now();
    Thread.sleep(50);
    assertThat(writer.append(rows(10, 5), 5)).isEqualTo(1);
    Path cfg = GatewayFiles.write(dir, "travel.yaml", "sources:\n  t:\n    kind: delta\n    location: "
        + dir.resolve("travel").toUri() + "\n    metadata-cache-ttl: 0s\n");
    assertThat(run(cfg, "SELECT COUNT(*) FROM t.\"default\".notes").rows()).containsExactly(List.of("15"));
    assertThat(run(cfg, "SELECT COUNT(*) FROM TABLE(t.\"default\".at_version('notes', 0))").rows())
        .containsExactly(List.of("10"));
    assertThat(run(cfg, "SELECT COUNT(*) FROM TABLE(t.\"default\".at_version('notes', 1))").rows())
        .containsExactly(List.of("15"));
    assertThat(run(cfg, "SELECT COUNT(*) FROM TABLE(t.\"default\".at_time('notes', '" + between + "'))").rows())
        .containsExactly(List.of("10"));
    Result both = run(cfg, "SELECT (SELECT COUNT(*) FROM TABLE(t.\"default\".at_version('notes', 0))), COUNT(*)"
        + " FROM t.\"default\".notes");
    assertThat(both.rows()).containsExactly(List.of("10", "15"));
    // A new commit is seen by the next statement when the cache is off.
    writer.append(rows(15, 1), 1);
    assertThat(run(cfg, "SELECT COUNT(*) FROM t.\"default\".notes").rows()).containsExactly(List.of("16"));
    SQLException bad = catchThrowableOfType(SQLException.class,
        () -> run(cfg, "SELECT COUNT(*) FROM TABLE(t.\"default\".at_time('notes', 'yesterday'))"));
    assertThat(bad.getMessage()).contains("is not an instant");
  }

  @Test void explicitTablesAndDiscoveredOnesTogether() throws Exception {
    Path other = dir.resolve("elsewhere/contacts");
    new DeltaTableWriter(other.toUri().toString(), new StructType().add("id", IntegerType.INTEGER), List.of())
        .append(List.of(new Object[] {1}, new Object[] {2}), 10);
    Path cfg = GatewayFiles.write(dir, "explicit.yaml", "sources:\n  lake:\n    kind: delta\n    location: "
        + dir.resolve("lake").toUri() + "\n    tables:\n      crm.contacts: " + other.toUri() + "\n");
    assertThat(run(cfg, "SELECT COUNT(*) FROM lake.crm.contacts").rows()).containsExactly(List.of("2"));
    assertThat(run(cfg, "SELECT COUNT(*) FROM lake.marketing.events").rows()).containsExactly(List.of("10000"));
  }

  @Test void missingLocationAndMissingLogAreReported() throws Exception {
    Path cfg = GatewayFiles.write(dir, "missing.yaml", "sources:\n  lake:\n    kind: delta\n    location: "
        + dir.resolve("nowhere").toUri() + "\n");
    SQLException e = catchThrowableOfType(SQLException.class, () -> run(cfg, "SELECT * FROM lake.x.y"));
    assertThat(e.getSQLState()).isEqualTo("58030");
    assertThat(e.getMessage()).contains("Source 'lake'").contains("nowhere").contains("sources.lake.location");

    Files.createDirectories(dir.resolve("broken"));
    Path cfg2 = GatewayFiles.write(dir, "broken.yaml", "sources:\n  lake:\n    kind: delta\n    tables:\n"
        + "      t: " + dir.resolve("broken").toUri() + "\n");
    SQLException e2 = catchThrowableOfType(SQLException.class, () -> run(cfg2, "SELECT * FROM lake.\"default\".t"));
    assertThat(e2.getMessage()).contains("Source 'lake'").contains("has no Delta log");

    Path cfg3 = GatewayFiles.write(dir, "empty.yaml", "sources:\n  lake:\n    kind: delta\n");
    SQLException e3 = catchThrowableOfType(SQLException.class, () -> GatewayFiles.connect(cfg3));
    assertThat(e3.getSQLState()).isEqualTo("F0000");
    assertThat(e3.getMessage()).contains("sources.lake").contains("location");
  }

  private static List<Object[]> rows(int from, int n) {
    List<Object[]> out = new ArrayList<>();
    for (int i = from; i < from + n; i++) {
      out.add(new Object[] {i, "note " + i});
    }
    return out;
  }

  /** Rows as text, and what the sources received. */
  record Result(List<List<String>> rows, List<String> sent) {
  }

  static Result run(Path gateway, String sql) throws SQLException {
    try (Connection c = GatewayFiles.connect(gateway); Statement s = c.createStatement()) {
      List<List<String>> rows;
      try (ResultSet rs = s.executeQuery(sql)) {
        rows = TextRows.read(rs);
      }
      List<String> sent = new ArrayList<>();
      for (SourceQuery q : s.unwrap(JunctionStatement.class).sourceQueries()) {
        sent.add(q.sql());
      }
      return new Result(rows, sent);
    }
  }
}
