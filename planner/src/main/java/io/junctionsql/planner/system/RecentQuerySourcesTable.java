package io.junctionsql.planner.system;

import io.junctionsql.planner.runtime.recent.RecentQueries;
import io.junctionsql.planner.runtime.recent.RecentQuery;
import io.junctionsql.planner.runtime.recent.SourceFigures;

import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code junction.recent_query_sources}: for each of the connection's recent statements, one row per
 * source it read.
 */
final class RecentQuerySourcesTable extends RecentTable {
  RecentQuerySourcesTable(RecentQueries recent) {
    super(recent);
  }

  @Override List<Column> columns() {
    return columns("query_id", SqlTypeName.VARCHAR, "source", SqlTypeName.VARCHAR,
        "statements", SqlTypeName.BIGINT, "rows_read", SqlTypeName.BIGINT, "bytes_read", SqlTypeName.BIGINT,
        "source_ms", SqlTypeName.BIGINT);
  }

  @Override List<Object[]> rows(SchemaPlus root, RelDataTypeFactory typeFactory, NamePatterns patterns) {
    List<Object[]> out = new ArrayList<>();
    for (RecentQuery q : recent.list()) {
      for (SourceFigures f : q.sources()) {
        out.add(new Object[] {q.queryId(), f.source(), f.statements(), f.rowsRead(), f.bytesRead(),
            f.sourceMillis()});
      }
    }
    return out;
  }
}
