package io.junctionsql.planner.runtime.memory;

import io.junctionsql.planner.Gateway;
import io.junctionsql.planner.config.GatewayConfig;
import io.junctionsql.planner.runtime.Execution;
import io.junctionsql.planner.runtime.GatewayConnection;
import io.junctionsql.planner.runtime.QueryMemoryUse;
import io.junctionsql.planner.runtime.parallel.ParallelReads;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Each operator that keeps rows counts them: queries over inline VALUES (Junction's own operators, no
 * source) run once under a roomy budget, to read their peak, and once under one too small for them.
 */
class OperatorMemoryTest {
  private static final int ROWS = 300;
  /** 300 rows of a 200-character text: about 72 KiB of strings alone, counted roughly. */
  private static final String BIG = values(ROWS, 200);
  private static final String SMALL = "(VALUES (1, 'x'), (2, 'y')) AS s (k, v)";

  private Gateway gateway;
  private GatewayConnection engine;

  @BeforeEach void open() throws SQLException {
    gateway = Gateway.open(new GatewayConfig(null, Map.of()));
    engine = gateway.connect();
  }

  @AfterEach void close() throws SQLException {
    engine.calcite().close();
    gateway.close();
  }

  /** Both inputs are big: the planner builds on the smaller input, and a two-row side would weigh next to nothing. */
  @Test void aHashJoinCountsItsBuildSide() throws SQLException {
    String sql = "SELECT a.v, b.v FROM " + BIG.replace(" AS b ", " AS a ") + " JOIN " + BIG + " ON a.k = b.k";
    assertCountedAndRefused(sql, ROWS, "a hash join's build side");
  }

  @Test void aSortCountsItsRows() throws SQLException {
    assertCountedAndRefused("SELECT k, v FROM " + BIG + " ORDER BY v DESC", ROWS, "a sort");
  }

  @Test void anAggregateCountsItsGroups() throws SQLException {
    assertCountedAndRefused("SELECT v, COUNT(*) FROM " + BIG + " GROUP BY v", ROWS, "an aggregate's groups");
  }

  @Test void aWindowCountsItsRows() throws SQLException {
    assertCountedAndRefused("SELECT k, v, ROW_NUMBER() OVER (PARTITION BY MOD(k, 3) ORDER BY v) FROM " + BIG, ROWS,
        "a window's rows");
  }

  @Test void aDistinctUnionCountsItsDistinctRows() throws SQLException {
    assertCountedAndRefused("SELECT k, v FROM " + BIG + " UNION SELECT k, v FROM " + SMALL.replace(" s ", " b "),
        ROWS + 2, "a set operation's distinct rows");
  }

  @Test void anAggregateCountsEachGroupOnce() throws SQLException {
    long manyGroups = peakOf("SELECT v, COUNT(*) FROM " + BIG + " GROUP BY v", Long.MAX_VALUE);
    long twoGroups = peakOf("SELECT MOD(k, 2), COUNT(*) FROM " + BIG + " GROUP BY MOD(k, 2)", Long.MAX_VALUE);
    assertThat(twoGroups).as("two groups of %d rows", ROWS).isPositive().isLessThan(1024);
    assertThat(manyGroups).as("%d groups of long keys", ROWS).isGreaterThan(ROWS * 200L);
  }

  @Test void aStatementWithoutABudgetIsNotCounted() throws SQLException {
    try (Statement s = engine.calcite().createStatement(); ResultSet rs = s.executeQuery(
        "SELECT k, v FROM " + BIG + " ORDER BY v")) {
      int n = 0;
      while (rs.next()) {
        n++;
      }
      assertThat(n).isEqualTo(ROWS);
    }
  }

  /**
   * Under a roomy budget the query returns its rows and peaks at about what the rows weigh; under a budget a
   * little below that peak it fails with 53200, names what held too much, and leaves the counter at zero;
   * the statement then runs again under the roomy budget.
   */
  private void assertCountedAndRefused(String sql, int expectedRows, String holder) throws SQLException {
    long peak = peakOf(sql, Long.MAX_VALUE);
    assertThat(peak).as("peak of %s", sql).isGreaterThan(ROWS * 200L);
    try (Statement s = engine.calcite().createStatement()) {
      Execution tight = execution(s, peak / 2);
      MemoryBudget budget = tight.budget();
      Throwable failure = catchThrowable(() -> drain(s, sql));
      assertThat(failure).isNotNull();
      SQLException translated = gateway.errors().translate(failure);
      assertThat(translated.getSQLState()).isEqualTo("53200");
      assertThat(translated.getMessage()).contains(holder).contains("query-memory")
          .contains(io.junctionsql.planner.config.ByteSizes.format(peak / 2));
      assertThat(budget.used()).as("held after the failure").isZero();
      assertThat(budget.exceeded()).isTrue();
      engine.endExecution(tight, true);
      assertThat(engine.log().memoryUses()).last().extracting(QueryMemoryUse::exceeded).isEqualTo(true);

      Execution roomy = engine.beginExecution(s);
      assertThat(drain(s, sql)).as("rows of the same statement afterwards").isEqualTo(expectedRows);
      engine.endExecution(roomy, false);
    }
  }

  /** Runs {@code sql} under a budget of {@code limit}: the most it held, as the log records it. */
  private long peakOf(String sql, long limit) throws SQLException {
    try (Statement s = engine.calcite().createStatement()) {
      Execution execution = execution(s, limit);
      MemoryBudget budget = execution.budget();
      drain(s, sql);
      assertThat(budget.used()).as("held while the statement is open").isPositive();
      engine.endExecution(execution, false);
      assertThat(budget.used()).as("held after the statement ended").isZero();
      QueryMemoryUse use = engine.log().memoryUses().get(engine.log().memoryUses().size() - 1);
      assertThat(use.exceeded()).isFalse();
      assertThat(use.peakBytes()).isEqualTo(budget.peak());
      return use.peakBytes();
    }
  }

  /** What the driver's {@code beginExecution} does, with a limit of the test's choice. */
  private Execution execution(Statement s, long limit) throws SQLException {
    AtomicBoolean key = QueryMemory.key(s);
    return new Execution(engine.log().mark(), 0, key, QueryMemory.open(key, limit), ParallelReads.open(key, 1));
  }

  private static int drain(Statement s, String sql) throws SQLException {
    int n = 0;
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        n++;
      }
    }
    return n;
  }

  /** {@code (VALUES (0, 'aaa...0'), ...) AS b (k, v)}: distinct texts of about {@code width} characters. */
  private static String values(int rows, int width) {
    StringBuilder b = new StringBuilder("(VALUES ");
    for (int i = 0; i < rows; i++) {
      b.append(i == 0 ? "" : ", ").append("(").append(i).append(", '").append("a".repeat(width)).append(i)
          .append("')");
    }
    return b.append(") AS b (k, v)").toString();
  }
}
