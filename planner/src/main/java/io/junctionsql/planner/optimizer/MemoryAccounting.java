package io.junctionsql.planner.optimizer;

import io.junctionsql.planner.runtime.memory.HeldRows;

import org.apache.calcite.adapter.enumerable.EnumerableAggregate;
import org.apache.calcite.adapter.enumerable.EnumerableHashJoin;
import org.apache.calcite.adapter.enumerable.EnumerableIntersect;
import org.apache.calcite.adapter.enumerable.EnumerableMinus;
import org.apache.calcite.adapter.enumerable.EnumerableNestedLoopJoin;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableSort;
import org.apache.calcite.adapter.enumerable.EnumerableUnion;
import org.apache.calcite.adapter.enumerable.EnumerableWindow;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Puts an {@link EnumerableHeldRows} above each input that a Calcite operator keeps in memory, since
 * Calcite's generated code materializes them with no hook of its own: a hash join's build side (its
 * right input), a sort's input, an aggregate's groups (or, for aggregates that keep values such as
 * {@code LISTAGG} or a {@code DISTINCT} argument, its every input row), a window's input, the inner side
 * of a nested-loop join that must remember unmatched rows, and the rows of a distinct set operation.
 * Run on the physical plan just before code is generated; EXPLAIN shows the plan without them.
 */
public final class MemoryAccounting {
  /** Aggregate functions whose accumulators keep input values, not a fixed-size state. */
  private static final Set<SqlKind> KEEPS_VALUES = EnumSet.of(SqlKind.LISTAGG, SqlKind.STRING_AGG,
      SqlKind.ARRAY_AGG, SqlKind.ARRAY_CONCAT_AGG, SqlKind.COLLECT, SqlKind.FUSION, SqlKind.INTERSECTION,
      SqlKind.MODE, SqlKind.PERCENTILE_CONT, SqlKind.PERCENTILE_DISC);

  // Bytes an operator's own structure spends on each row it keeps, besides the row: estimates from the
  // shapes of linq4j's collections (hash map node and list slot, tree map entry, ...).
  private static final HeldRows HASH_JOIN = new HeldRows("a hash join's build side", 48);
  private static final HeldRows SORT = new HeldRows("a sort", 64);
  private static final HeldRows AGGREGATE_VALUES = new HeldRows("an aggregate's values", 32);
  private static final HeldRows WINDOW = new HeldRows("a window's rows", 24);
  private static final HeldRows NESTED_LOOP = new HeldRows("a nested-loop join's inner side", 24);
  private static final HeldRows DISTINCT_SET = new HeldRows("a set operation's distinct rows", 48);
  /** A group's hash map entry and key list; each aggregate call adds its accumulator. */
  private static final long GROUP_OVERHEAD = 96;
  private static final long ACCUMULATOR = 24;

  private MemoryAccounting() {
  }

  /** The plan with every kept input counted. */
  public static RelNode insert(RelNode rel) {
    List<RelNode> inputs = new ArrayList<>();
    boolean changed = false;
    for (int i = 0; i < rel.getInputs().size(); i++) {
      RelNode original = rel.getInput(i);
      RelNode input = counted(rel, i, insert(original));
      changed |= input != original;
      inputs.add(input);
    }
    return changed ? rel.copy(rel.getTraitSet(), inputs) : rel;
  }

  /** Input {@code i} of {@code parent}, with what {@code parent} keeps of it counted. */
  private static RelNode counted(RelNode parent, int i, RelNode input) {
    if (!(parent instanceof EnumerableRel) || !(input instanceof EnumerableRel)) {
      return input;
    }
    if (parent instanceof EnumerableHashJoin && i == 1) {
      return new EnumerableHeldRows(input, HASH_JOIN, null);
    }
    // A semi-join reduced join holds its small side (read first, for its keys) and builds on its right input.
    if (parent instanceof KeyReducedJoin join && (i == 1 || i != join.largeInput())) {
      return new EnumerableHeldRows(input, HASH_JOIN, null);
    }
    if (parent instanceof EnumerableSort) {
      return new EnumerableHeldRows(input, SORT, null);
    }
    if (parent instanceof EnumerableWindow) {
      return new EnumerableHeldRows(input, WINDOW, null);
    }
    if (parent instanceof EnumerableNestedLoopJoin join && i == 1 && join.getJoinType().generatesNullsOnLeft()) {
      return new EnumerableHeldRows(input, NESTED_LOOP, null);
    }
    if (parent instanceof EnumerableAggregate aggregate) {
      return aggregate(aggregate, input);
    }
    boolean distinctSet = parent instanceof EnumerableUnion union ? !union.all
        : parent instanceof EnumerableIntersect || parent instanceof EnumerableMinus;
    if (distinctSet) {
      return new EnumerableHeldRows(input, DISTINCT_SET, ImmutableBitSet.range(input.getRowType().getFieldCount()));
    }
    return input;
  }

  private static RelNode aggregate(EnumerableAggregate aggregate, RelNode input) {
    boolean keepsValues = false;
    for (AggregateCall call : aggregate.getAggCallList()) {
      keepsValues |= call.isDistinct() || KEEPS_VALUES.contains(call.getAggregation().getKind())
          || !call.getCollation().getFieldCollations().isEmpty();
    }
    if (keepsValues) {
      return new EnumerableHeldRows(input, AGGREGATE_VALUES, null);
    }
    if (aggregate.getGroupSet().isEmpty()) {
      return input; // one group, whatever the input
    }
    HeldRows groups = new HeldRows("an aggregate's groups",
        GROUP_OVERHEAD + ACCUMULATOR * aggregate.getAggCallList().size());
    return new EnumerableHeldRows(input, groups, aggregate.getGroupSet());
  }
}
