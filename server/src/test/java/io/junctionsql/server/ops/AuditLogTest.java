package io.junctionsql.server.ops;

import io.junctionsql.planner.runtime.SourceQuery;
import io.junctionsql.planner.runtime.recent.RecentQuery;
import io.junctionsql.planner.runtime.recent.SourceFigures;
import io.junctionsql.planner.security.Identity;
import io.junctionsql.server.meta.Caller;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogTest {
  private static final Caller CALLER = new Caller(new Identity("alice", Set.of()), "10.0.0.7", "r-1");
  private static final List<SourceQuery> SENT = List.of(new SourceQuery(1, "sap", "SELECT 1"),
      new SourceQuery(2, "lake", "SCAN marketing.events@v0"), new SourceQuery(3, "lake", "READ 1 OF 1 FILES, ..."));

  @Test void aFinishedQueryCarriesItsFiguresPerSource() {
    RecentQuery figures = new RecentQuery("00ab", "SELECT ...", Instant.EPOCH, 40, 12L, 250, null, 9, 65536,
        List.of(new SourceFigures("lake", 1, 1000, 4096L, 7L), new SourceFigures("sap", 1, 300, null, 15L)));
    String line = AuditLog.queryLine(CALLER, "00ab", "SELECT \"x\" FROM t", 41_000_000, SENT, null, figures);
    assertThat(line).isEqualTo("event=query query_id=00ab request_id=r-1 user=\"alice\" client=10.0.0.7 outcome=ok "
        + "sqlstate=00000 ms=41 sources=\"{lake=2, sap=1}\" rows=250 first_row_ms=12 junction_ms=9 "
        + "peak_memory_bytes=65536 source_rows=\"{lake=1000, sap=300}\" source_bytes=\"{lake=4096}\" "
        + "source_ms=\"{lake=7, sap=15}\" sql=\"SELECT \\\"x\\\" FROM t\"");
  }

  @Test void aQueryRefusedBeforeRunningHasNoFigures() {
    String line = AuditLog.queryLine(CALLER, "00cd", "SELECT 1", 1_000_000, List.of(),
        new SQLException("busy", "53300"), null);
    assertThat(line).contains("outcome=error sqlstate=53300 ms=1 sources=\"{}\" sql=\"SELECT 1\"")
        .doesNotContain("rows=").doesNotContain("peak_memory_bytes");
  }
}
