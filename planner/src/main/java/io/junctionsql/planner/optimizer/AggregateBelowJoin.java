package io.junctionsql.planner.optimizer;

import io.junctionsql.planner.config.OptimizerConfig;

import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.rules.AggregateJoinTransposeRule;
import org.apache.calcite.rel.rules.AggregateProjectMergeRule;
import org.apache.calcite.rel.rules.AggregateReduceFunctionsRule;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlSplittableAggFunction;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;

import java.util.EnumSet;
import java.util.List;

/**
 * Aggregation below a join between sources, and removal of joins nothing reads. Runs on the logical plan,
 * before the cost-based search, when cross-source optimization is on:
 * <ul>
 *   <li>an aggregate over a many-to-one join ({@link ManyToOneJoin}) is split: the many side is grouped by
 *   its join columns and its own grouping columns in its source ({@code SUM}, {@code COUNT}, {@code MIN},
 *   {@code MAX} as partial results, {@code AVG} first rewritten as {@code SUM} and {@code COUNT}), and the
 *   partial results are combined above the join. An aggregate with a {@code DISTINCT} call or a filter is
 *   left whole: a distinct count cannot be added up from partial counts.</li>
 *   <li>an aggregate over a left join that keeps one row per left row is computed on the right side alone
 *   ({@link AggregateOverOuterJoin}).</li>
 *   <li>an outer join whose other side is unique on its join columns and contributes no column, and a
 *   join below a distinct-only aggregate that reads none of its columns, are dropped.</li>
 * </ul>
 * The rewrites are rule-driven and deterministic rather than offered to the cost-based search: in the
 * Volcano planner Calcite's transpose rule would be tried on every join of every order, which multiplies
 * planning time; here it is tried once per aggregate, on joins where the gain (fewer rows moved) is certain.
 */
final class AggregateBelowJoin implements Program {
  /** Splits the aggregate; only where the join is many-to-one between sources. */
  static final RelOptRule TRANSPOSE = AggregateJoinTransposeRule.Config.EXTENDED
      .withOperandSupplier(b0 -> b0.operand(LogicalAggregate.class).predicate(AggregateBelowJoin::splittable)
          .oneInput(b1 -> b1.operand(LogicalJoin.class).predicate(ManyToOneJoin::test).anyInputs()))
      .as(AggregateJoinTransposeRule.Config.class).toRule();
  /** {@code AVG} as {@code SUM / COUNT}, which split; only over the joins {@link #TRANSPOSE} takes. */
  static final RelOptRule REDUCE_AVG = AggregateReduceFunctionsRule.Config.DEFAULT
      .withFunctionsToReduce(EnumSet.of(SqlKind.AVG))
      .withOperandSupplier(b0 -> b0.operand(LogicalAggregate.class).oneInput(b1 ->
          b1.operand(LogicalJoin.class).predicate(ManyToOneJoin::test).anyInputs()))
      .as(AggregateReduceFunctionsRule.Config.class).toRule();
  /**
   * Brings the aggregate onto the join when only a choice of columns lies between them: onto a join
   * {@link #TRANSPOSE} takes, or an outer join that {@code AGGREGATE_JOIN_REMOVE} may drop.
   */
  static final RelOptRule MERGE_PROJECT = AggregateProjectMergeRule.Config.DEFAULT
      .withOperandSupplier(b0 -> b0.operand(LogicalAggregate.class).oneInput(b1 ->
          b1.operand(LogicalProject.class).oneInput(b2 ->
              b2.operand(LogicalJoin.class).predicate(j -> j.getJoinType() == JoinRelType.LEFT
                  || j.getJoinType() == JoinRelType.RIGHT || ManyToOneJoin.test(j)).anyInputs())))
      .as(AggregateProjectMergeRule.Config.class).toRule();
  private static final HepProgram PROGRAM = new HepProgramBuilder()
      // One collection: a merge may enable a removal, and a removal a transpose.
      .addRuleCollection(List.of(CoreRules.PROJECT_JOIN_REMOVE, CoreRules.AGGREGATE_JOIN_REMOVE,
          CoreRules.AGGREGATE_JOIN_JOIN_REMOVE, CoreRules.FILTER_INTO_JOIN, CoreRules.JOIN_CONDITION_PUSH,
          MERGE_PROJECT, REDUCE_AVG, TRANSPOSE, AggregateOverOuterJoin.INSTANCE))
      .build();

  /**
   * Whether every call can be computed from partial results (what Calcite's rule checks with its own
   * operand, which a custom operand replaces): one grouping set, and no {@code DISTINCT} or {@code FILTER}.
   */
  static boolean splittable(Aggregate aggregate) {
    if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
      return false;
    }
    for (AggregateCall call : aggregate.getAggCallList()) {
      if (call.isDistinct() || call.hasFilter()
          || call.getAggregation().unwrap(SqlSplittableAggFunction.class) == null) {
        return false;
      }
    }
    return true;
  }

  @Override public RelNode run(RelOptPlanner planner, RelNode rel, RelTraitSet requiredOutputTraits,
      List<RelOptMaterialization> materializations, List<RelOptLattice> lattices) {
    if (!SemiJoinReduction.settings(rel).orElse(OptimizerConfig.DEFAULTS).crossSource()) {
      return rel;
    }
    return Programs.of(PROGRAM, true, JunctionMetadata.PROVIDER)
        .run(planner, rel, requiredOutputTraits, materializations, lattices);
  }
}
