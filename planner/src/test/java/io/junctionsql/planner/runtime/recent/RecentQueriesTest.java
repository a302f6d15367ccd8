package io.junctionsql.planner.runtime.recent;

import io.junctionsql.planner.runtime.QueryLog;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecentQueriesTest {
  @Test void aStatementHasWhatItsSourcesDidInItsWindowOnly() {
    QueryLog log = new QueryLog();
    RecentQueries recent = new RecentQueries(log);
    log.record("sap", "SELECT before");
    log.rowsRead("sap", 7);
    QueryRecorder r = recent.start("q1", "SELECT 1");
    log.record("sap", "SELECT a");
    log.rowsRead("sap", 30);
    log.sourceTime("sap", 5_000_000);
    log.record("lake", "SCAN x");
    log.recordRead("lake", "READ 1 OF 1 FILES, 12 ROWS FROM x@v0, 900 BYTES", 12, 900, 2_000_000);
    long asked = r.rowAsked();
    r.rowAnswered(asked, true);
    r.rowsEnded(null);
    r.finish(null, 4096);
    r.finish("XX000", 1);

    assertThat(recent.list()).hasSize(1);
    RecentQuery q = recent.list().get(0);
    assertThat(q.queryId()).isEqualTo("q1");
    assertThat(q.rowsReturned()).isEqualTo(1);
    assertThat(q.firstRowMillis()).isNotNull();
    assertThat(q.outcome()).as("only the first finish counts").isEqualTo("ok");
    assertThat(q.peakMemoryBytes()).isEqualTo(4096);
    assertThat(q.sources()).containsExactly(new SourceFigures("lake", 1, 12, 900L, 2L),
        new SourceFigures("sap", 1, 30, null, 5L));
  }

  @Test void theFailureOfItsRowsWinsOverTheCloseAfterIt() {
    RecentQueries recent = new RecentQueries(new QueryLog());
    QueryRecorder r = recent.start("q2", "SELECT 2");
    r.rowsEnded("53200");
    r.finish(null, 0);
    assertThat(recent.list().get(0).sqlState()).isEqualTo("53200");
    assertThat(recent.list().get(0).outcome()).isEqualTo("error");
  }

  @Test void keepsTheNewestHundredAndCutsLongSql() {
    RecentQueries recent = new RecentQueries(new QueryLog());
    List<RecentQuery> heard = new ArrayList<>();
    recent.onFinished(heard::add);
    for (int i = 0; i < 105; i++) {
      recent.start("q" + i, "SELECT " + "x".repeat(i == 104 ? 10_000 : 1)).finish(null, 0);
    }
    assertThat(heard).hasSize(105);
    assertThat(recent.list()).hasSize(RecentQueries.CAPACITY);
    assertThat(recent.list().get(0).queryId()).isEqualTo("q5");
    assertThat(recent.list().get(99).sql()).hasSize(QueryRecorder.MAX_SQL_CHARS + 3).endsWith("...");
  }

  @Test void runningStatementsEndWhenTheConnectionCloses() {
    RecentQueries recent = new RecentQueries(new QueryLog());
    recent.start("q3", "SELECT 3");
    recent.finishRunning();
    assertThat(recent.list()).extracting(RecentQuery::queryId).containsExactly("q3");
  }
}
