package io.junctionsql.planner.runtime.memory;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.function.Function1;

/**
 * What the generated code calls above an input that an operator keeps in memory: it passes the rows on
 * unchanged and counts each one's estimated size, plus the operator's own overhead for it, against the
 * statement's budget. The planner makes one per such input and hands it to the generated code as a
 * constant; everything here is immutable, so a plan's executions may share it.
 */
public final class HeldRows {
  private final String holder;
  private final long overheadPerRow;

  /**
   * @param holder what keeps the rows, for the message when they are too many ("a hash join's build side")
   * @param overheadPerRow bytes the operator's own structure spends on each row (map entry, list slot)
   */
  public HeldRows(String holder, long overheadPerRow) {
    this.holder = holder;
    this.overheadPerRow = overheadPerRow;
  }

  public String holder() {
    return holder;
  }

  /** Counts every row: what a hash join's build side, a sort or a window keeps. */
  public <T> Enumerable<T> countRows(Enumerable<T> input, DataContext root) {
    return counted(input, root, null);
  }

  /**
   * Counts each group once, when its key first appears: what an aggregate or a distinct set keeps (the key
   * and the operator's overhead, which covers its accumulators).
   */
  public <T> Enumerable<T> countGroups(Enumerable<T> input, DataContext root, Function1<T, Object> key) {
    return counted(input, root, key);
  }

  private <T> Enumerable<T> counted(Enumerable<T> input, DataContext root, Function1<T, Object> key) {
    return new AbstractEnumerable<T>() {
      /** What this input's last reading counted: a new reading builds a new structure and drops the old one. */
      private CountingEnumerator<T> last;

      @Override public Enumerator<T> enumerator() {
        MemoryBudget budget = QueryMemory.of(root);
        if (budget == null) {
          return input.enumerator();
        }
        if (last != null) {
          last.releaseCounted();
        }
        last = new CountingEnumerator<>(input.enumerator(), budget, HeldRows.this, key);
        return last;
      }
    };
  }

  long sizeOf(Object row, Object key) {
    return overheadPerRow + (key == null ? RetainedSizes.ofRow(row) : RetainedSizes.of(key));
  }
}
