package io.junctionsql.planner.optimizer;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Takes the terms every branch of an OR repeats out of it: {@code (a = b AND x) OR (a = b AND y)} becomes
 * {@code a = b AND (x OR y)}. Without it a join written that way (TPC-H Q19) has no equality to hash on and
 * runs as a nested loop that reads one source again for every row of the other.
 */
final class CommonFactors extends RelHomogeneousShuttle {
  static RelNode apply(RelNode rel) {
    return rel.accept(new CommonFactors());
  }

  @Override public RelNode visit(RelNode other) {
    RelNode node = super.visit(other);
    if (node instanceof Filter filter) {
      RexNode factored = factored(filter, filter.getCondition());
      return factored == null ? node : filter.copy(filter.getTraitSet(), filter.getInput(), factored);
    }
    if (node instanceof Join join) {
      RexNode factored = factored(join, join.getCondition());
      return factored == null ? node : join.copy(join.getTraitSet(), factored, join.getLeft(), join.getRight(),
          join.getJoinType(), join.isSemiJoinDone());
    }
    return node;
  }

  /** The condition with common factors pulled out, or null when it has none. */
  private static RexNode factored(RelNode rel, RexNode condition) {
    RexNode pulled = RexUtil.pullFactors(rel.getCluster().getRexBuilder(), condition);
    return pulled.equals(condition) ? null : pulled;
  }
}
