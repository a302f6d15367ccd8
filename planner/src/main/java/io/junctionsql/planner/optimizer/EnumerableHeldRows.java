package io.junctionsql.planner.optimizer;

import io.junctionsql.planner.runtime.memory.HeldRows;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.util.ImmutableBitSet;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Passes its input's rows on unchanged, counting against the statement's memory budget what the operator
 * above keeps of them: every row, or each group once (when {@code groupKeys} is set). Placed by
 * {@link MemoryAccounting} after planning, so it never changes which plan is chosen.
 */
final class EnumerableHeldRows extends SingleRel implements EnumerableRel {
  private static final Method COUNT_ROWS = Types.lookupMethod(HeldRows.class, "countRows", Enumerable.class,
      DataContext.class);
  private static final Method COUNT_GROUPS = Types.lookupMethod(HeldRows.class, "countGroups", Enumerable.class,
      DataContext.class, Function1.class);
  private final HeldRows held;
  /** The columns that tell groups apart; null to count every row. */
  private final ImmutableBitSet groupKeys;

  EnumerableHeldRows(RelNode input, HeldRows held, ImmutableBitSet groupKeys) {
    super(input.getCluster(), input.getTraitSet(), input);
    this.held = held;
    this.groupKeys = groupKeys;
  }

  @Override public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new EnumerableHeldRows(sole(inputs), held, groupKeys);
  }

  @Override public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("holder", held.holder()).itemIf("groups", groupKeys, groupKeys != null);
  }

  @Override public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    BlockBuilder builder = new BlockBuilder();
    Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
    Expression rows = builder.append("held", input.block);
    Expression counter = implementor.stash(held, HeldRows.class);
    Expression counted = groupKeys == null
        ? Expressions.call(counter, COUNT_ROWS, rows, DataContext.ROOT)
        : Expressions.call(counter, COUNT_GROUPS, rows, DataContext.ROOT,
            input.physType.generateAccessor(groupKeys.asList()));
    builder.add(Expressions.return_(null, counted));
    return implementor.result(input.physType, builder.toBlock());
  }
}
