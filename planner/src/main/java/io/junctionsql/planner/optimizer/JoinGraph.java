package io.junctionsql.planner.optimizer;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The inputs of an inner multi-join and its conditions, over the concatenation of the inputs' fields: which
 * inputs a condition reads, and the join of any list of inputs with exactly the conditions that list completes.
 */
final class JoinGraph {
  private final RexBuilder rex;
  final List<RelNode> inputs;
  final List<RexNode> conditions;
  private final int[] offsets;

  JoinGraph(RexBuilder rex, List<RelNode> inputs, List<RexNode> conditions, int[] offsets) {
    this.rex = rex;
    this.inputs = inputs;
    this.conditions = conditions;
    this.offsets = offsets;
  }

  /** The inputs whose fields a condition reads. */
  Set<Integer> inputsOf(RexNode condition) {
    Set<Integer> read = new TreeSet<>();
    for (int field : RelOptUtil.InputFinder.bits(condition)) {
      int input = 0;
      while (offsets[input + 1] <= field) {
        input++;
      }
      read.add(input);
    }
    return read;
  }

  /** The inputs joined in this order, each condition applied where its last input joins. */
  RelNode build(List<Integer> order) {
    RelNode tree = filtered(order.get(0));
    for (int i = 1; i < order.size(); i++) {
      List<Integer> prefix = order.subList(0, i);
      tree = LogicalJoin.create(tree, filtered(order.get(i)), List.of(),
          conditionJoining(prefix, List.of(order.get(i))), Set.of(), JoinRelType.INNER);
    }
    return tree;
  }

  /**
   * The conditions that joining {@code added} to {@code joined} completes, in the positions of the row
   * {@code joined} then {@code added} give: they read {@code added} and something in {@code joined}.
   */
  RexNode conditionJoining(List<Integer> joined, List<Integer> added) {
    List<Integer> both = new ArrayList<>(joined);
    both.addAll(added);
    return select(both, read -> both.containsAll(read) && !disjoint(read, added) && !added.containsAll(read));
  }

  /** Original field positions to positions in the joined row, for inputs joined in {@code order}. */
  Mapping toOriginal(List<Integer> order) {
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

  /** The conditions that read no input (a constant), to apply above the whole join. */
  RexNode constants() {
    List<RexNode> none = new ArrayList<>();
    for (RexNode c : conditions) {
      if (inputsOf(c).isEmpty()) {
        none.add(c);
      }
    }
    return RexUtil.composeConjunction(rex, none);
  }

  /** One input under the conditions that read it alone (normally none: those were pushed into it). */
  private RelNode filtered(int input) {
    RexNode own = select(List.of(input), read -> read.equals(Set.of(input)));
    return own.isAlwaysTrue() ? inputs.get(input) : LogicalFilter.create(inputs.get(input), own);
  }

  private RexNode select(List<Integer> order, Predicate<Set<Integer>> reads) {
    Mapping m = toOriginal(order);
    List<RexNode> chosen = new ArrayList<>();
    for (RexNode c : conditions) {
      Set<Integer> read = inputsOf(c);
      if (!read.isEmpty() && reads.test(read)) {
        chosen.add(c.accept(new RexPermuteInputsShuttle(m)));
      }
    }
    return RexUtil.composeConjunction(rex, chosen);
  }

  private static boolean disjoint(Set<Integer> read, List<Integer> inputs) {
    return inputs.stream().noneMatch(read::contains);
  }

  /** The join's fields that belong to the given inputs, as positions in the row they give joined in order. */
  ImmutableBitSet positions(List<Integer> order, ImmutableBitSet originalFields) {
    Mapping m = toOriginal(order);
    ImmutableBitSet.Builder out = ImmutableBitSet.builder();
    for (int f : originalFields) {
      out.set(m.getTarget(f));
    }
    return out.build();
  }

  /** The fields of one input, as positions in the join's row. */
  ImmutableBitSet fieldsOf(int input) {
    return ImmutableBitSet.range(offsets[input], offsets[input + 1]);
  }
}
