package io.junctionsql.planner.optimizer;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Groups a multi-join's inputs into branches that one source joins before anything crosses sources: an input
 * joined to exactly one other input, of the same source, on its own unique key (a nation to its suppliers, a
 * region to its nations) joins that input first. The branch moves at most the rows of its parent and only
 * those its filters leave, in one statement: TPC-H Q7's suppliers of France and Germany are 80 rows, not
 * 1,000, before their keys go to the lake. A left-deep order from the fact table can never form such a branch.
 */
final class SourceBranches {
  private SourceBranches() {
  }

  /** The branches, each a list of inputs in join order (its parent first); single inputs stay alone. */
  static List<List<Integer>> of(JoinGraph graph, RelMetadataQuery mq) {
    List<List<Integer>> units = new ArrayList<>();
    for (int i = 0; i < graph.inputs.size(); i++) {
      units.add(new ArrayList<>(List.of(i)));
    }
    boolean merged = true;
    while (merged) {
      merged = false;
      for (int d = 0; d < units.size() && !merged; d++) {
        int parent = onlyNeighbour(graph, units, d);
        if (parent >= 0 && sameSource(graph, units.get(d), units.get(parent))
            && uniqueOnJoin(graph, mq, units.get(d), units.get(parent))) {
          units.get(parent).addAll(units.get(d));
          units.remove(d);
          merged = true;
        }
      }
    }
    return units;
  }

  /**
   * The one unit that equalities between two units join to unit {@code d}, or -1 if none or several. Other
   * conditions (Q7's OR over both nations) do not tie the unit: they apply once their inputs have joined.
   */
  private static int onlyNeighbour(JoinGraph graph, List<List<Integer>> units, int d) {
    Set<Integer> neighbours = new HashSet<>();
    for (RexNode c : graph.conditions) {
      if (c.getKind() != SqlKind.EQUALS) {
        continue;
      }
      Set<Integer> touched = new HashSet<>();
      for (int input : graph.inputsOf(c)) {
        touched.add(unitOf(units, input));
      }
      if (touched.size() == 2 && touched.remove(d)) {
        neighbours.addAll(touched);
      }
    }
    return neighbours.size() == 1 ? neighbours.iterator().next() : -1;
  }

  private static int unitOf(List<List<Integer>> units, int input) {
    for (int u = 0; u < units.size(); u++) {
      if (units.get(u).contains(input)) {
        return u;
      }
    }
    throw new IllegalStateException("input " + input + " in no unit");
  }

  private static boolean sameSource(JoinGraph graph, List<Integer> unit, List<Integer> parent) {
    Set<String> sources = sources(graph, unit);
    return ManyToOneJoin.oneJdbcSource(sources) && sources.equals(sources(graph, parent));
  }

  private static Set<String> sources(JoinGraph graph, List<Integer> unit) {
    Set<String> sources = new HashSet<>();
    for (int input : unit) {
      sources.addAll(ManyToOneJoin.jdbcSources(graph.inputs.get(input)));
    }
    return sources;
  }

  /** Whether the unit's columns in its equality conditions with the parent are a unique key of the unit. */
  private static boolean uniqueOnJoin(JoinGraph graph, RelMetadataQuery mq, List<Integer> unit, List<Integer> parent) {
    ImmutableBitSet.Builder unitFields = ImmutableBitSet.builder();
    for (int input : unit) {
      unitFields.addAll(graph.fieldsOf(input));
    }
    ImmutableBitSet own = unitFields.build();
    ImmutableBitSet.Builder keys = ImmutableBitSet.builder();
    for (RexNode c : graph.conditions) {
      Set<Integer> read = graph.inputsOf(c);
      boolean between = read.stream().anyMatch(unit::contains) && read.stream().anyMatch(parent::contains)
          && read.stream().allMatch(i -> unit.contains(i) || parent.contains(i));
      if (c.getKind() != SqlKind.EQUALS || !between) {
        continue;
      }
      for (RexNode operand : ((RexCall) c).getOperands()) {
        if (operand instanceof RexInputRef ref && own.get(ref.getIndex())) {
          keys.set(ref.getIndex());
        }
      }
    }
    ImmutableBitSet key = keys.build();
    if (key.isEmpty()) {
      return false;
    }
    RelNode tree = graph.build(unit);
    return Boolean.TRUE.equals(mq.areColumnsUnique(tree, graph.positions(unit, key)));
  }
}
