package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.dialect.DatabricksSqlDialect;
import io.junctionsql.planner.dialect.HanaSqlDialect;
import io.junctionsql.planner.runtime.parallel.ReadPermits;

import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcImplementor;
import org.apache.calcite.adapter.jdbc.JdbcRules;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.sql.SqlDialect;

/** The planner convention of one JDBC source; knows the source's name for EXPLAIN and errors. */
public final class SourceConvention extends JdbcConvention {
  private final String sourceName;
  private final ReadPermits readPermits;
  private final SourceEstimates estimates;

  SourceConvention(String sourceName, SqlDialect dialect, Expression expression, ReadPermits readPermits,
      SourceEstimates estimates) {
    super(dialect, expression, "JUNCTION_" + sourceName);
    this.sourceName = sourceName;
    this.readPermits = readPermits;
    this.estimates = estimates;
  }

  public String sourceName() {
    return sourceName;
  }

  /** How many of this source's reads may run ahead of their queries at once (see {@link ReadPermits}). */
  public ReadPermits readPermits() {
    return readPermits;
  }

  /** What the source's own planner expects of a statement (see {@link SourceEstimates}). */
  public SourceEstimates estimates() {
    return estimates;
  }

  /** The SQL this source receives for {@code rel}, a part of the plan in this convention. */
  public String sql(RelNode rel) {
    JdbcImplementor implementor = new JdbcImplementor(dialect, (JavaTypeFactory) rel.getCluster().getTypeFactory());
    return implementor.visitRoot(rel).asStatement().toSqlString(dialect).getSql();
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
