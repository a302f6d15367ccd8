package io.junctionsql.planner.optimizer;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

import java.util.ArrayList;
import java.util.List;

/**
 * Orders an inner multi-join greedily by Junction's row estimates: start from the largest input (the fact
 * table), then keep adding the connected input whose join gives the fewest rows. Calcite's
 * {@code LoptOptimizeJoinRule} prefers the input whose join columns have the fewest distinct values, which
 * on TPC-H Q5 joined customers to suppliers on their nation first (60 million rows); estimating each
 * candidate join with key-aware, distinct-value-aware row counts ({@link KeyAwareRowCount}) avoids that.
 * Multi-joins with outer joins or projected fields are left for Calcite's rule.
 */
final class GreedyJoinOrder extends RelHomogeneousShuttle {
  static RelNode apply(RelNode rel) {
    return rel.accept(new GreedyJoinOrder());
  }

  @Override public RelNode visit(RelNode other) {
    RelNode node = super.visit(other);
    if (node instanceof MultiJoin join && orderable(join)) {
      return order(join);
    }
    return node;
  }

  private static boolean orderable(MultiJoin join) {
    return !join.isFullOuterJoin() && join.getPostJoinFilter() == null
        && join.getJoinTypes().stream().allMatch(t -> t == JoinRelType.INNER)
        && join.getProjFields().stream().allMatch(f -> f == null)
        && join.getInputs().size() > 2;
  }

  private static RelNode order(MultiJoin join) {
    RexBuilder rex = join.getCluster().getRexBuilder();
    RelMetadataQuery mq = join.getCluster().getMetadataQuery();
    List<RelNode> inputs = join.getInputs();
    int[] offsets = new int[inputs.size() + 1];
    for (int i = 0; i < inputs.size(); i++) {
      offsets[i + 1] = offsets[i] + inputs.get(i).getRowType().getFieldCount();
    }
    List<RexNode> conditions = new ArrayList<>(RelOptUtil.conjunctions(join.getJoinFilter()));
    List<Integer> order = new ArrayList<>();
    int first = 0;
    for (int i = 1; i < inputs.size(); i++) {
      if (rows(mq, inputs.get(i)) > rows(mq, inputs.get(first))) {
        first = i;
      }
    }
    order.add(first);
    RelNode tree = inputs.get(first);
    while (order.size() < inputs.size()) {
      RelNode best = null;
      int bestInput = -1;
      double bestRows = Double.MAX_VALUE;
      boolean bestConnected = false;
      for (int i = 0; i < inputs.size(); i++) {
        if (order.contains(i)) {
          continue;
        }
        List<Integer> candidateOrder = new ArrayList<>(order);
        candidateOrder.add(i);
        RexNode condition = conditionFor(rex, conditions, candidateOrder, offsets);
        boolean connected = !condition.isAlwaysTrue();
        RelNode candidate = LogicalJoin.create(tree, inputs.get(i), List.of(), condition, java.util.Set.of(),
            JoinRelType.INNER);
        double rows = rows(mq, candidate);
        if (best == null || (connected && !bestConnected) || (connected == bestConnected && rows < bestRows)) {
          best = candidate;
          bestInput = i;
          bestRows = rows;
          bestConnected = connected;
        }
      }
      order.add(bestInput);
      tree = best;
    }
    // Conditions are applied as the inputs they need join; what is left spans no new input (none, normally).
    RexNode rest = remaining(rex, conditions, order, offsets);
    if (!rest.isAlwaysTrue()) {
      tree = LogicalFilter.create(tree, rest);
    }
    Mapping back = toOriginal(order, offsets);
    List<RexNode> projects = new ArrayList<>();
    for (int original = 0; original < offsets[inputs.size()]; original++) {
      projects.add(RexInputRef.of(back.getTarget(original), tree.getRowType()));
    }
    return LogicalProject.create(tree, List.of(), projects, join.getRowType().getFieldNames(), java.util.Set.of());
  }

  private static double rows(RelMetadataQuery mq, RelNode rel) {
    Double rows = mq.getRowCount(rel);
    return rows == null ? Double.MAX_VALUE / 4 : rows;
  }

  /** Original field positions to positions in the joined row, for inputs joined in {@code order}. */
  private static Mapping toOriginal(List<Integer> order, int[] offsets) {
    int total = offsets[offsets.length - 1];
    Mapping m = Mappings.create(MappingType.INVERSE_SURJECTION, total, total);
    int position = 0;
    for (int input : order) {
      for (int f = offsets[input]; f < offsets[input + 1]; f++) {
        m.set(f, position++);
      }
    }
    return m;
  }

  /**
   * The conditions that need the last input of {@code order} and nothing outside it, rewritten to the joined
   * row's positions; they are taken out of {@code conditions}.
   */
  private static RexNode conditionFor(RexBuilder rex, List<RexNode> conditions, List<Integer> order, int[] offsets) {
    ImmutableBitSet.Builder available = ImmutableBitSet.builder();
    for (int input : order) {
      available.set(offsets[input], offsets[input + 1]);
    }
    ImmutableBitSet fields = available.build();
    int last = order.get(order.size() - 1);
    ImmutableBitSet lastFields = ImmutableBitSet.range(offsets[last], offsets[last + 1]);
    List<RexNode> chosen = new ArrayList<>();
    for (RexNode c : conditions) {
      ImmutableBitSet used = RelOptUtil.InputFinder.bits(c);
      if (fields.contains(used) && used.intersects(lastFields)) {
        chosen.add(c);
      }
    }
    Mapping m = toOriginal(order, offsets);
    List<RexNode> rewritten = new ArrayList<>();
    for (RexNode c : chosen) {
      rewritten.add(c.accept(new RexPermuteInputsShuttle(m)));
    }
    return RexUtil.composeConjunction(rex, rewritten);
  }

  /** Conditions no join of {@code order} took: those whose fields all lie in its first input. */
  private static RexNode remaining(RexBuilder rex, List<RexNode> conditions, List<Integer> order, int[] offsets) {
    int first = order.get(0);
    ImmutableBitSet firstFields = ImmutableBitSet.range(offsets[first], offsets[first + 1]);
    List<RexNode> out = new ArrayList<>();
    Mapping m = toOriginal(order, offsets);
    for (RexNode c : conditions) {
      if (firstFields.contains(RelOptUtil.InputFinder.bits(c))) {
        out.add(c.accept(new RexPermuteInputsShuttle(m)));
      }
    }
    return RexUtil.composeConjunction(rex, out);
  }
}
