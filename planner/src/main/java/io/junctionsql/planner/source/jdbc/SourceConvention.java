package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.dialect.DatabricksSqlDialect;
import io.junctionsql.planner.dialect.HanaSqlDialect;
import io.junctionsql.planner.runtime.parallel.ReadPermits;

import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcRules;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.sql.SqlDialect;

/** The planner convention of one JDBC source; knows the source's name for EXPLAIN and errors. */
public final class SourceConvention extends JdbcConvention {
  private final String sourceName;
  private final ReadPermits readPermits;

  SourceConvention(String sourceName, SqlDialect dialect, Expression expression, ReadPermits readPermits) {
    super(dialect, expression, "JUNCTION_" + sourceName);
    this.sourceName = sourceName;
    this.readPermits = readPermits;
  }

  public String sourceName() {
    return sourceName;
  }

  /** How many of this source's reads may run ahead of their queries at once (see {@link ReadPermits}). */
  public ReadPermits readPermits() {
    return readPermits;
  }

  private boolean junctionDialect() {
    return dialect instanceof HanaSqlDialect || dialect instanceof DatabricksSqlDialect;
  }

  /** Calcite's JDBC rules for this source, each guarded by the dialect's list of functions it can write. */
  @Override public void register(RelOptPlanner planner) {
    for (RelOptRule rule : JdbcRules.rules(this)) {
      planner.addRule(rule instanceof ConverterRule
          ? new DialectGuardedRule((ConverterRule) rule, dialect, junctionDialect()) : rule);
    }
    planner.addRule(CoreRules.FILTER_SET_OP_TRANSPOSE);
    planner.addRule(CoreRules.PROJECT_REMOVE);
  }
}
