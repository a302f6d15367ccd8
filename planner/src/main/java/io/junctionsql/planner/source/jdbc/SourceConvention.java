package io.junctionsql.planner.source.jdbc;

import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.sql.SqlDialect;

/** The planner convention of one JDBC source; knows the source's name for EXPLAIN and errors. */
public final class SourceConvention extends JdbcConvention {
  private final String sourceName;

  SourceConvention(String sourceName, SqlDialect dialect, Expression expression) {
    super(dialect, expression, "JUNCTION_" + sourceName);
    this.sourceName = sourceName;
  }

  public String sourceName() {
    return sourceName;
  }
}
