package io.junctionsql.planner.source.jdbc;

import org.apache.calcite.adapter.jdbc.JdbcImplementor;
import org.apache.calcite.adapter.jdbc.JdbcRel;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.hint.RelHint;

import java.util.List;

/**
 * A scan of a table of a JDBC source, in the source's convention, so that Calcite's JDBC rules push
 * filters, projections, aggregates, sorts and same-source joins on top of it into the source's SQL.
 * Its table is named as the source spells it ({@code [schema, table]}); Calcite's SQL generation
 * writes that name into the FROM clause.
 */
public final class JdbcSourceTableScan extends TableScan implements JdbcRel {
  private final String source;

  JdbcSourceTableScan(RelOptCluster cluster, List<RelHint> hints, RelOptTable table, String source,
      SourceConvention convention) {
    super(cluster, cluster.traitSetOf(convention), hints, table);
    this.source = source;
  }

  @Override public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new JdbcSourceTableScan(getCluster(), getHints(), table, source, (SourceConvention) getConvention());
  }

  @Override public RelNode withHints(List<RelHint> hintList) {
    return new JdbcSourceTableScan(getCluster(), hintList, table, source, (SourceConvention) getConvention());
  }

  @Override public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("source", source);
  }

  @Override public JdbcImplementor.Result implement(JdbcImplementor implementor) {
    return implementor.implement(this);
  }
}
