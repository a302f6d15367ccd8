package io.junctionsql.planner.optimizer;

import com.google.common.collect.ImmutableSet;

import io.junctionsql.planner.config.OptimizerConfig;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql2rel.CorrelationReferenceFinder;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A sub-query condition ({@code EXISTS}, {@code IN}, a scalar comparison) over a join between sources moves
 * onto the join input whose columns it uses, when that input and the sub-query's tables are all in one
 * source, before Calcite turns sub-queries into joins. Written over the whole {@code FROM} list, TPC-H Q21's
 * {@code EXISTS (... lineitem l2 WHERE l2.l_orderkey = l1.l_orderkey ...)} becomes joins above the suppliers
 * from PostgreSQL, which Junction must run on every line item; on {@code lineitem l1} alone it becomes joins
 * within the lake, which the lake's SQL runs. Rows are the same: a filter on one input of an inner join (or
 * the preserved input of an outer join) may be applied before the join.
 */
final class SubQueryPlacement extends RelOptRule {
  static final RelOptRule INSTANCE = new SubQueryPlacement();

  private static final HepProgram PROGRAM = new HepProgramBuilder()
      .addMatchOrder(HepMatchOrder.TOP_DOWN)
      .addRuleInstance(INSTANCE)
      .build();

  private SubQueryPlacement() {
    super(operand(LogicalFilter.class, operand(LogicalJoin.class, any())), "SubQueryPlacement");
  }

  /** Runs before {@code Programs.subQuery}, on the plan as written, when cross-source optimization is on. */
  static Program program(RelMetadataProvider metadata) {
    return (planner, rel, requiredOutputTraits, materializations, lattices) ->
        SemiJoinReduction.settings(rel).orElse(OptimizerConfig.DEFAULTS).crossSource()
            ? Programs.of(PROGRAM, true, metadata).run(planner, rel, requiredOutputTraits, materializations, lattices)
            : rel;
  }

  @Override public void onMatch(RelOptRuleCall call) {
    Filter filter = call.rel(0);
    Join join = call.rel(1);
    if (!RexUtil.SubQueryFinder.containsSubQuery(filter) || ManyToOneJoin.jdbcSources(join).size() < 2) {
      return;
    }
    int leftCount = join.getLeft().getRowType().getFieldCount();
    int fieldCount = join.getRowType().getFieldCount();
    List<RexNode> stay = new ArrayList<>();
    List<RexNode> toLeft = new ArrayList<>();
    List<RexNode> toRight = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
      ImmutableBitSet used = columnsUsed(conjunct, filter.getVariablesSet(), fieldCount);
      // destination() only descends where the join lets a filter apply to that side first.
      if (RexUtil.SubQueryFinder.find(conjunct) == null || used.isEmpty()
          || !oneSource(destination(join, used), conjunct)) {
        stay.add(conjunct);
      } else if (used.nextSetBit(leftCount) < 0) {
        toLeft.add(conjunct);
      } else if (used.nextSetBit(0) >= leftCount) {
        toRight.add(conjunct);
      } else {
        stay.add(conjunct);
      }
    }
    if (toLeft.isEmpty() && toRight.isEmpty()) {
      return;
    }
    Set<CorrelationId> variables = filter.getVariablesSet();
    RelNode left = onInput(join.getLeft(), toLeft, 0, variables);
    RelNode right = onInput(join.getRight(), toRight, leftCount, variables);
    RelNode moved = join.copy(join.getTraitSet(), join.getCondition(), left, right, join.getJoinType(),
        join.isSemiJoinDone());
    call.transformTo(stay.isEmpty() ? moved
        : LogicalFilter.create(moved, RexUtil.composeConjunction(filter.getCluster().getRexBuilder(), stay),
            ImmutableSet.copyOf(variables)));
  }

  /**
   * The join's columns a conjunct reads: its own column references and, inside its sub-queries, the fields
   * of the filter's correlation variables. A variable used whole counts as every column.
   */
  private static ImmutableBitSet columnsUsed(RexNode conjunct, Set<CorrelationId> variables, int fieldCount) {
    ImmutableBitSet.Builder used = RelOptUtil.InputFinder.bits(conjunct).rebuild();
    for (RexSubQuery subQuery : subQueries(conjunct)) {
      for (CorrelationId id : variables) {
        if (RelOptUtil.getVariablesUsed(subQuery.rel).contains(id)) {
          ImmutableBitSet fields = RelOptUtil.correlationColumns(id, subQuery.rel);
          used.addAll(fields.isEmpty() ? ImmutableBitSet.range(fieldCount) : fields);
        }
      }
    }
    return used.build();
  }

  private static List<RexSubQuery> subQueries(RexNode node) {
    return subQueries(node::accept);
  }

  /** The sub-queries a visit of expressions meets, not looking into them. */
  private static List<RexSubQuery> subQueries(Consumer<RexShuttle> visit) {
    List<RexSubQuery> found = new ArrayList<>();
    visit.accept(new RexShuttle() {
      @Override public RexNode visitSubQuery(RexSubQuery subQuery) {
        found.add(subQuery);
        return subQuery;
      }
    });
    return found;
  }

  /**
   * The input a conjunct reading {@code used} ends on when moved down joins as far as it may go: into the
   * side holding all its columns, where the join lets a filter from above apply to that side first.
   */
  private static RelNode destination(RelNode rel, ImmutableBitSet used) {
    RelNode node = rel.stripped();
    if (!(node instanceof Join)) {
      return node;
    }
    Join join = (Join) node;
    int leftCount = join.getLeft().getRowType().getFieldCount();
    if (used.nextSetBit(leftCount) < 0 && join.getJoinType().canPushLeftFromAbove()) {
      return destination(join.getLeft(), used);
    }
    if (used.nextSetBit(0) >= leftCount && join.getJoinType().canPushRightFromAbove()) {
      return destination(join.getRight(), used.shift(-leftCount));
    }
    return node;
  }

  /** Whether the input and every table the conjunct's sub-queries read are in one JDBC source. */
  private static boolean oneSource(RelNode input, RexNode conjunct) {
    Set<String> sources = new HashSet<>(ManyToOneJoin.jdbcSources(input));
    for (RexSubQuery subQuery : subQueries(conjunct)) {
      sources.addAll(sourcesWithin(subQuery.rel));
    }
    return ManyToOneJoin.oneJdbcSource(sources);
  }

  /** The JDBC sources of the tables a sub-query reads, its own sub-queries' tables included. */
  private static Set<String> sourcesWithin(RelNode rel) {
    Set<String> sources = new HashSet<>();
    rel.accept(new RelHomogeneousShuttle() {
      @Override public RelNode visit(RelNode other) {
        sources.addAll(ManyToOneJoin.jdbcSources(other));
        for (RexSubQuery nested : subQueries(other::accept)) {
          sources.addAll(sourcesWithin(nested.rel));
        }
        return super.visit(other);
      }
    });
    return sources;
  }

  /**
   * The input under a filter of the conjuncts moved to it: column references shifted by the input's offset
   * in the join, and each correlation variable of the old filter replaced by a new one of the input's row
   * type (the old one stays with the conditions that remain above the join).
   */
  private static RelNode onInput(RelNode input, List<RexNode> conjuncts, int offset, Set<CorrelationId> variables) {
    if (conjuncts.isEmpty()) {
      return input;
    }
    RexBuilder rexBuilder = input.getCluster().getRexBuilder();
    Map<CorrelationId, CorrelationId> renamed = new HashMap<>();
    List<RexNode> rewritten = new ArrayList<>();
    for (RexNode conjunct : conjuncts) {
      RexNode shifted = RexUtil.shift(conjunct, -offset);
      rewritten.add(shifted.accept(new RexShuttle() {
        @Override public RexNode visitSubQuery(RexSubQuery subQuery) {
          RelNode rel = subQuery.rel;
          for (CorrelationId old : variables) {
            if (RelOptUtil.getVariablesUsed(rel).contains(old)) {
              CorrelationId fresh = renamed.computeIfAbsent(old, o -> input.getCluster().createCorrel());
              rel = rel.accept(new Renamed(rexBuilder, old, fresh, input, offset));
            }
          }
          return super.visitSubQuery(subQuery.clone(rel));
        }
      }));
    }
    return LogicalFilter.create(input, RexUtil.composeConjunction(rexBuilder, rewritten),
        ImmutableSet.copyOf(renamed.values()));
  }

  /** Replaces {@code $old.field} with {@code $fresh.(field - offset)}, {@code $fresh} of the input's row type. */
  private static final class Renamed extends CorrelationReferenceFinder {
    private final RexBuilder rexBuilder;
    private final CorrelationId old;
    private final RexNode fresh;
    private final int offset;

    Renamed(RexBuilder rexBuilder, CorrelationId old, CorrelationId fresh, RelNode input, int offset) {
      this.rexBuilder = rexBuilder;
      this.old = old;
      this.fresh = rexBuilder.makeCorrel(input.getRowType(), fresh);
      this.offset = offset;
    }

    @Override protected RexNode handle(RexFieldAccess fieldAccess) {
      if (fieldAccess.getReferenceExpr() instanceof RexCorrelVariable
          && ((RexCorrelVariable) fieldAccess.getReferenceExpr()).id.equals(old)) {
        return rexBuilder.makeFieldAccess(fresh, fieldAccess.getField().getIndex() - offset);
      }
      return fieldAccess;
    }
  }
}
