package io.junctionsql.planner.system;

import io.junctionsql.planner.runtime.recent.RecentQueries;
import io.junctionsql.planner.runtime.recent.RecentQuery;
import io.junctionsql.planner.runtime.recent.SourceFigures;

import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;

/** {@code junction.recent_queries}: the connection's newest finished statements, one row each, oldest first. */
final class RecentQueriesTable extends RecentTable {
  RecentQueriesTable(RecentQueries recent) {
    super(recent);
  }

  @Override List<Column> columns() {
    return columns("query_id", SqlTypeName.VARCHAR, "started_at", SqlTypeName.TIMESTAMP,
        "elapsed_ms", SqlTypeName.BIGINT, "first_row_ms", SqlTypeName.BIGINT, "rows_returned", SqlTypeName.BIGINT,
        "outcome", SqlTypeName.VARCHAR, "sql_state", SqlTypeName.VARCHAR, "source_statements", SqlTypeName.BIGINT,
        "source_rows_read", SqlTypeName.BIGINT, "source_ms", SqlTypeName.BIGINT, "junction_ms", SqlTypeName.BIGINT,
        "peak_memory_bytes", SqlTypeName.BIGINT, "sql_text", SqlTypeName.VARCHAR);
  }

  @Override List<Object[]> rows(SchemaPlus root, RelDataTypeFactory typeFactory, NamePatterns patterns) {
    List<Object[]> out = new ArrayList<>();
    for (RecentQuery q : recent.list()) {
      long statements = 0;
      long rows = 0;
      long millis = 0;
      for (SourceFigures f : q.sources()) {
        statements += f.statements();
        rows += f.rowsRead();
        millis += f.sourceMillis() == null ? 0 : f.sourceMillis();
      }
      // TIMESTAMP values are milliseconds since the epoch, shown in UTC.
      out.add(new Object[] {q.queryId(), q.startedAt().toEpochMilli(), q.elapsedMillis(), q.firstRowMillis(),
          q.rowsReturned(), q.outcome(), q.sqlState(), statements, rows, millis, q.junctionMillis(),
          q.peakMemoryBytes(), q.sql()});
    }
    return out;
  }
}
