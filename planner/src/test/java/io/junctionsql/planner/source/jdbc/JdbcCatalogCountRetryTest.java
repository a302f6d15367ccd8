package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.config.Secret;
import io.junctionsql.planner.runtime.QueryLog;
import io.junctionsql.planner.security.Identity;
import io.junctionsql.planner.source.SourceSession;

import org.apache.calcite.sql.dialect.H2SqlDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A row count that could not be read is planned as large, and counted again after a minute rather than after the
 * metadata's ttl; one that keeps failing is tried at growing intervals. The counts are H2's own: a view that
 * divides by zero until a flag table has a row stands for a source that cannot answer at first.
 */
class JdbcCatalogCountRetryTest {
  private static final SourceSession SESSION = new SourceSession(new QueryLog(), Identity.EMBEDDED);
  /** H2 under another product's name, so that its views are counted rather than read from H2's estimates. */
  private static final JdbcFlavor UNKNOWN_PRODUCT = new JdbcFlavor() {
    @Override public String kind() {
      return "jdbc";
    }

    @Override public MetadataReader metadataReader() {
      return JdbcFlavor.GENERIC.metadataReader();
    }

    @Override public SourceInfo inspect(Connection c) {
      return new SourceInfo("Other", "1", H2SqlDialect.DEFAULT, false, "Other");
    }
  };
  private final AtomicLong now = new AtomicLong();
  private Connection keep;
  private JdbcSource source;
  private JdbcCatalog catalog;

  @BeforeEach void setUp() throws SQLException {
    String url = "jdbc:h2:mem:count-retry-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    keep = DriverManager.getConnection(url, "SA", "");
    try (Statement s = keep.createStatement()) {
      s.execute("CREATE TABLE T (X INT)");
      s.execute("INSERT INTO T VALUES (1), (2), (3)");
      s.execute("CREATE TABLE FLAG (F INT)");
      s.execute("CREATE VIEW READY_LATER AS SELECT X FROM T WHERE X / (SELECT COUNT(*) FROM FLAG) >= 0");
      s.execute("CREATE VIEW NEVER_READY AS SELECT X FROM T WHERE X / (SELECT COUNT(*) FROM FLAG WHERE F < 0) >= 0");
    }
    source = new JdbcSource(new JdbcSourceConfig("crm", url, "SA", Secret.empty(), null, Map.of(), List.of(),
        Duration.ofMinutes(10), 100, Duration.ofSeconds(5), 2, List.of()), UNKNOWN_PRODUCT);
    catalog = new JdbcCatalog(source, UNKNOWN_PRODUCT.metadataReader(), now::get);
  }

  @AfterEach void tearDown() throws SQLException {
    source.close();
    keep.close();
  }

  @Test void aFailedCountIsReadAgainAfterAMinuteNotAfterTheTtl() throws SQLException {
    TableMetadata first = table("READY_LATER");
    assertThat(first.rowCountGuessed()).isTrue();
    assertThat(first.rowCount()).isEqualTo(JdbcStatistics.COUNT_LIMIT);

    try (Statement s = keep.createStatement()) {
      s.execute("INSERT INTO FLAG VALUES (1)");
    }
    now.addAndGet(Duration.ofSeconds(59).toNanos());
    assertThat(table("READY_LATER").rowCountGuessed()).as("still within the minute").isTrue();
    assertThat(counts("READY_LATER")).isEqualTo(1);

    now.addAndGet(Duration.ofSeconds(2).toNanos());
    TableMetadata counted = table("READY_LATER");
    assertThat(counted.rowCountGuessed()).isFalse();
    assertThat(counted.rowCount()).isEqualTo(3.0);
    assertThat(counts("READY_LATER")).isEqualTo(2);

    now.addAndGet(Duration.ofMinutes(5).toNanos());
    assertThat(table("READY_LATER").rowCount()).as("a real count is kept for the ttl").isEqualTo(3.0);
    assertThat(counts("READY_LATER")).isEqualTo(2);
  }

  @Test void aCountThatKeepsFailingIsTriedAtGrowingIntervalsUpToTheTtl() throws SQLException {
    // The waits double from a minute: tries fall due at 0, 1, 3 (1 + 2), 7 (+ 4) and 15 (+ 8) minutes. The table is
    // next asked for at 17, so the fifth try is then; the wait after it would be 16 minutes and is capped at the
    // ttl, 10, so the sixth falls due at 27, not 33.
    long[] minutes = {0, 1, 2, 3, 5, 7, 14, 17, 18, 26, 27};
    int[] expectedCounts = {1, 2, 2, 3, 3, 4, 4, 5, 5, 5, 6};
    for (int i = 0; i < minutes.length; i++) {
      now.set(Duration.ofMinutes(minutes[i]).plusSeconds(1).toNanos());
      assertThat(table("NEVER_READY").rowCountGuessed()).isTrue();
      assertThat(counts("NEVER_READY")).as("counts tried by minute %d", minutes[i]).isEqualTo(expectedCounts[i]);
    }
  }

  private TableMetadata table(String name) {
    return catalog.table("PUBLIC", name, SESSION).orElseThrow();
  }

  /** The counts of a view the source received, from its log of metadata statements. */
  private long counts(String view) {
    return source.metadataQueries().stream()
        .filter(q -> q.sql().contains("COUNT(*)") && q.sql().contains(view)).count();
  }
}
