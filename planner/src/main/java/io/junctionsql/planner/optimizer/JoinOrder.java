package io.junctionsql.planner.optimizer;

import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.JoinPushThroughJoinRule;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;

import java.util.List;

/**
 * Calcite's cost-based search with a bound on join enumeration. Calcite's standard program lets the
 * Volcano planner commute and re-associate every join, which is exhaustive: a six-table TPC-H join took
 * over a minute to plan. From {@link #HEURISTIC_FROM_JOINS} joins on, the joins are gathered into one
 * multi-join and ordered by {@code LoptOptimizeJoinRule} (greedy, by the row counts and unique keys
 * Junction's metadata gives) and the exhaustive rules are taken out; smaller joins keep the full search.
 */
final class JoinOrder implements Program {
  /** Joins in a statement from which ordering turns heuristic; four joins is five tables. */
  static final int HEURISTIC_FROM_JOINS = 4;
  /** Commuting stays: it only swaps a join's inputs (which side a hash join builds on), and is cheap. */
  private static final List<RelOptRule> EXHAUSTIVE = List.of(CoreRules.JOIN_ASSOCIATE,
      JoinPushThroughJoinRule.LEFT, JoinPushThroughJoinRule.RIGHT);
  /**
   * From an OR over several tables, each table's own part: {@code (n1 = 'FR' AND n2 = 'DE') OR (n1 = 'DE' AND
   * n2 = 'FR')} also implies {@code n1 IN ('FR', 'DE')} and {@code n2 IN ('FR', 'DE')}, which filter each table
   * in its source before the join, and make it small enough to send its keys to the other side's source.
   */
  private static final HepProgram EXPAND_DISJUNCTIONS = new HepProgramBuilder()
      .addRuleInstance(CoreRules.EXPAND_FILTER_DISJUNCTION_GLOBAL)
      .addRuleInstance(CoreRules.EXPAND_JOIN_DISJUNCTION_GLOBAL)
      .build();
  private static final HepProgram TO_MULTI_JOIN = new HepProgramBuilder()
      .addRuleInstance(CoreRules.FILTER_INTO_JOIN)
      .addMatchOrder(HepMatchOrder.BOTTOM_UP)
      .addRuleInstance(CoreRules.JOIN_TO_MULTI_JOIN)
      .build();

  private final RelMetadataProvider metadata;

  JoinOrder(RelMetadataProvider metadata) {
    this.metadata = metadata;
  }

  /**
   * The standard program's phases, with sub-queries first moved to the source they can run in
   * ({@link SubQueryPlacement}), {@code rewrite} on the trimmed logical plan and this join ordering
   * in place of its plain Volcano run.
   */
  static Program standard(RelMetadataProvider metadata, Program rewrite) {
    return Programs.sequence(SubQueryPlacement.program(metadata), Programs.subQuery(metadata), Programs.decorrelate(), Programs.measure(metadata),
        Programs.trim(), rewrite, new JoinOrder(metadata), Programs.calc(metadata));
  }

  @Override public RelNode run(RelOptPlanner planner, RelNode rel, RelTraitSet requiredOutputTraits,
      List<RelOptMaterialization> materializations, List<RelOptLattice> lattices) {
    rel = CommonFactors.apply(rel);
    rel = Programs.of(EXPAND_DISJUNCTIONS, false, metadata).run(planner, rel, requiredOutputTraits, materializations,
        lattices);
    // Junction joins streams that arrive unsorted (a Delta scan, a source without an index on the key): a merge
    // join would sort both inputs in memory, where a hash join keeps only its build side.
    planner.removeRule(EnumerableRules.ENUMERABLE_MERGE_JOIN_RULE);
    if (RelOptUtil.countJoins(rel) >= HEURISTIC_FROM_JOINS) {
      rel = Programs.of(TO_MULTI_JOIN, false, metadata).run(planner, rel, requiredOutputTraits, materializations,
          lattices);
      rel = GreedyJoinOrder.apply(rel);
      EXHAUSTIVE.forEach(planner::removeRule);
      planner.addRule(CoreRules.MULTI_JOIN_OPTIMIZE);
    }
    materializations.forEach(planner::addMaterialization);
    lattices.forEach(planner::addLattice);
    planner.setRoot(rel);
    RelNode root = rel.getTraitSet().equals(requiredOutputTraits) ? rel : planner.changeTraits(rel, requiredOutputTraits);
    planner.setRoot(root);
    return planner.chooseDelegate().findBestExp();
  }
}
