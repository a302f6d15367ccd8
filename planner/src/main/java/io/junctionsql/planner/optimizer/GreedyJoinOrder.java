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
import org.apache.calcite.util.mapping.Mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * Orders an inner multi-join greedily by Junction's row estimates: start from the largest input (the fact
 * table), then keep adding the connected input whose join gives the fewest rows. Calcite's
 * {@code LoptOptimizeJoinRule} prefers the input whose join columns have the fewest distinct values, which
 * on TPC-H Q5 joined customers to suppliers on their nation first (60 million rows); estimating each
 * candidate join with key-aware, distinct-value-aware row counts ({@link KeyAwareRowCount}) avoids that.
 * The units ordered are the inputs grouped into same-source branches ({@link SourceBranches}).
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
    List<RexNode> conditions = RelOptUtil.conjunctions(join.getJoinFilter());
    JoinGraph graph = new JoinGraph(rex, inputs, conditions, offsets);
    List<List<Integer>> units = SourceBranches.of(graph, mq);
    List<RelNode> trees = new ArrayList<>();
    for (List<Integer> unit : units) {
      trees.add(graph.build(unit));
    }
    int first = 0;
    for (int u = 1; u < units.size(); u++) {
      if (rows(mq, trees.get(u)) > rows(mq, trees.get(first))) {
        first = u;
      }
    }
    List<Integer> order = new ArrayList<>(units.get(first));
    List<Integer> joined = new ArrayList<>(List.of(first));
    RelNode tree = trees.get(first);
    while (joined.size() < units.size()) {
      Candidate best = null;
      for (int u = 0; u < units.size(); u++) {
        if (joined.contains(u)) {
          continue;
        }
        RexNode condition = graph.conditionJoining(order, units.get(u));
        RelNode candidate = LogicalJoin.create(tree, trees.get(u), List.of(), condition, java.util.Set.of(),
            JoinRelType.INNER);
        Candidate c = new Candidate(u, candidate, !condition.isAlwaysTrue(),
            sameSource(tree, trees.get(u)) && rows(mq, candidate) <= rows(mq, tree), rows(mq, candidate));
        if (best == null || c.before(best)) {
          best = c;
        }
      }
      joined.add(best.unit);
      order.addAll(units.get(best.unit));
      tree = best.join;
    }
    RexNode constants = graph.constants();
    if (!constants.isAlwaysTrue()) {
      tree = LogicalFilter.create(tree, constants);
    }
    Mapping back = graph.toOriginal(order);
    List<RexNode> projects = new ArrayList<>();
    for (int original = 0; original < offsets[inputs.size()]; original++) {
      projects.add(RexInputRef.of(back.getTarget(original), tree.getRowType()));
    }
    return LogicalProject.create(tree, List.of(), projects, join.getRowType().getFieldNames(), java.util.Set.of());
  }

  /**
   * A unit that could join next. Connected units come first, then those that keep the tree in one source
   * without growing it (the source joins them in the same statement, so their filters cut what crosses to
   * Junction, and keys sent from another source later reach one statement), then the fewest rows.
   */
  private record Candidate(int unit, RelNode join, boolean connected, boolean local, double rows) {
    boolean before(Candidate other) {
      if (connected != other.connected) {
        return connected;
      }
      if (local != other.local) {
        return local;
      }
      return rows < other.rows;
    }
  }

  private static boolean sameSource(RelNode tree, RelNode unit) {
    java.util.Set<String> sources = ManyToOneJoin.jdbcSources(tree);
    return ManyToOneJoin.oneJdbcSource(sources)
        && sources.equals(ManyToOneJoin.jdbcSources(unit));
  }

  private static double rows(RelMetadataQuery mq, RelNode rel) {
    Double rows = mq.getRowCount(rel);
    return rows == null ? Double.MAX_VALUE / 4 : rows;
  }
}
