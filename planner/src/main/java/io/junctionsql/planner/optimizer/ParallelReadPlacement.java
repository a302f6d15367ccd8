package io.junctionsql.planner.optimizer;

import io.junctionsql.planner.config.OptimizerConfig;
import io.junctionsql.planner.runtime.parallel.ReadPermits;
import io.junctionsql.planner.source.delta.DeltaScan;
import io.junctionsql.planner.source.jdbc.SourceConvention;

import org.apache.calcite.adapter.enumerable.EnumerableAggregate;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableCorrelate;
import org.apache.calcite.adapter.enumerable.EnumerableFilter;
import org.apache.calcite.adapter.enumerable.EnumerableHashJoin;
import org.apache.calcite.adapter.enumerable.EnumerableIntersect;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.adapter.enumerable.EnumerableLimitSort;
import org.apache.calcite.adapter.enumerable.EnumerableMergeJoin;
import org.apache.calcite.adapter.enumerable.EnumerableMinus;
import org.apache.calcite.adapter.enumerable.EnumerableNestedLoopJoin;
import org.apache.calcite.adapter.enumerable.EnumerableProject;
import org.apache.calcite.adapter.enumerable.EnumerableSort;
import org.apache.calcite.adapter.enumerable.EnumerableSortedAggregate;
import org.apache.calcite.adapter.enumerable.EnumerableUnion;
import org.apache.calcite.adapter.enumerable.EnumerableWindow;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverter;
import org.apache.calcite.rel.RelNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Marks the source reads of a physical plan that may run at the same time ({@link EnumerableParallelRead}):
 * a JDBC source's statement or a Delta scan that the query reads once and whose statement does not depend
 * on other rows. Not marked: the inner side of a nested-loop join or a correlation (read again for each
 * outer row), the large side of a semi-join reduced join (its statement waits for the small side's keys;
 * the small side is marked), and anything below an operator not known to read its inputs once. A plan with
 * fewer than two such reads is left as it is: there is nothing to overlap. Run just before code is
 * generated, like {@link MemoryAccounting}; EXPLAIN shows the plan without the marks.
 */
public final class ParallelReadPlacement {
  private ParallelReadPlacement() {
  }

  /** The plan with its independent reads marked, when the connection's settings allow reads at the same time. */
  public static RelNode insert(RelNode rel) {
    OptimizerConfig settings = SemiJoinReduction.settings(rel).orElse(OptimizerConfig.DEFAULTS);
    if (settings.parallelReads() < 2) {
      return rel;
    }
    return count(rel) < 2 ? rel : mark(rel);
  }

  /** How many reads of {@code rel}'s plan are read once, given that {@code rel} itself is. */
  private static int count(RelNode rel) {
    if (isRead(rel)) {
      return 1;
    }
    int reads = 0;
    for (int i = 0; i < rel.getInputs().size(); i++) {
      reads += readsOnce(rel, i) ? count(rel.getInput(i)) : 0;
    }
    return reads;
  }

  /** {@code rel} with those reads marked; a plan may share a node between places, so each place is marked anew. */
  private static RelNode mark(RelNode rel) {
    if (isRead(rel)) {
      return new EnumerableParallelRead(rel, permits(rel));
    }
    List<RelNode> inputs = new ArrayList<>();
    boolean changed = false;
    for (int i = 0; i < rel.getInputs().size(); i++) {
      RelNode input = rel.getInput(i);
      RelNode marked = readsOnce(rel, i) ? mark(input) : input;
      changed |= marked != input;
      inputs.add(marked);
    }
    return changed ? rel.copy(rel.getTraitSet(), inputs) : rel;
  }

  private static boolean isRead(RelNode rel) {
    return rel instanceof JdbcToEnumerableConverter && rel.getInput(0).getConvention() instanceof SourceConvention
        || rel instanceof DeltaScan;
  }

  private static ReadPermits permits(RelNode read) {
    return read instanceof JdbcToEnumerableConverter
        ? ((SourceConvention) read.getInput(0).getConvention()).readPermits() : null;
  }

  /** Whether {@code parent} reads its input {@code i} at most once each time it is read itself. */
  private static boolean readsOnce(RelNode parent, int i) {
    if (parent instanceof KeyReducedJoin join) {
      return i != join.largeInput();
    }
    if (parent instanceof EnumerableNestedLoopJoin || parent instanceof EnumerableCorrelate) {
      return i == 0;
    }
    return parent instanceof EnumerableHashJoin || parent instanceof EnumerableMergeJoin
        || parent instanceof EnumerableUnion || parent instanceof EnumerableIntersect
        || parent instanceof EnumerableMinus || parent instanceof EnumerableCalc
        || parent instanceof EnumerableProject || parent instanceof EnumerableFilter
        || parent instanceof EnumerableAggregate || parent instanceof EnumerableSortedAggregate
        || parent instanceof EnumerableSort || parent instanceof EnumerableLimit
        || parent instanceof EnumerableLimitSort || parent instanceof EnumerableWindow
        || parent instanceof EnumerableHeldRows;
  }
}
