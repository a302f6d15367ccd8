package io.junctionsql.planner.runtime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryLogTest {
  @Test void sinceMarkReturnsOnlyNewerEntries() {
    QueryLog log = new QueryLog();
    log.record("a", "SELECT 1");
    long mark = log.mark();
    log.record("b", "SELECT 2");
    log.record("a", "SELECT 3");
    assertThat(log.since(mark)).extracting(SourceQuery::sql).containsExactly("SELECT 2", "SELECT 3");
    assertThat(log.all()).hasSize(3);
  }

  @Test void isBounded() {
    QueryLog log = new QueryLog();
    for (int i = 0; i < 2500; i++) {
      log.record("a", "SELECT " + i);
    }
    assertThat(log.all()).hasSize(1000);
    assertThat(log.all().get(999).sql()).isEqualTo("SELECT 2499");
  }

  @Test void escapeKeepsAStatementOnOneLineWithItsQuotesDistinguishable() {
    // The junction.source log line is source=... sql="...": a reader splits on the unescaped closing quote.
    assertThat(QueryLog.escape("SELECT \"a\"\nFROM t WHERE s = 'x\\y'"))
        .isEqualTo("SELECT \\\"a\\\"\\nFROM t WHERE s = 'x\\\\y'");
  }
}
