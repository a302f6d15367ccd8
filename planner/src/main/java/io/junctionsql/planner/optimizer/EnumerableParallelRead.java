package io.junctionsql.planner.optimizer;

import io.junctionsql.planner.runtime.parallel.ParallelReads;
import io.junctionsql.planner.runtime.parallel.ReadPermits;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;

import java.lang.reflect.Method;
import java.util.List;

/**
 * A source read that may run ahead of the query, on a thread of its own, together with the query's other
 * independent reads ({@link ParallelReads}); its rows are its input's, unchanged. Placed by
 * {@link ParallelReadPlacement} after planning, so it never changes which plan is chosen.
 */
final class EnumerableParallelRead extends SingleRel implements EnumerableRel {
  private static final Method READ = Types.lookupMethod(ParallelReads.class, "read", Enumerable.class,
      DataContext.class, ReadPermits.class);
  /** What limits the reads ahead of the input's source; null for none (a Delta scan holds no pooled connection). */
  private final ReadPermits permits;

  EnumerableParallelRead(RelNode input, ReadPermits permits) {
    super(input.getCluster(), input.getTraitSet(), input);
    this.permits = permits;
  }

  @Override public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new EnumerableParallelRead(sole(inputs), permits);
  }

  @Override public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("readAhead", true);
  }

  @Override public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    BlockBuilder builder = new BlockBuilder();
    Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
    Expression rows = builder.append("sourceRows", input.block);
    Expression limit = permits == null ? Expressions.constant(null, ReadPermits.class)
        : implementor.stash(permits, ReadPermits.class);
    builder.add(Expressions.return_(null, Expressions.call(READ, rows, DataContext.ROOT, limit)));
    return implementor.result(input.physType, builder.toBlock());
  }
}
