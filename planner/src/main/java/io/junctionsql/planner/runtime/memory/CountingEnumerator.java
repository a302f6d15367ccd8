package io.junctionsql.planner.runtime.memory;

import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.function.Function1;

/** Passes one input's rows on and counts what the operator above keeps of them (see {@link HeldRows}). */
final class CountingEnumerator<T> implements Enumerator<T> {
  private final Enumerator<T> input;
  private final MemoryBudget budget;
  private final HeldRows held;
  /** Null to count every row; else the group key, and each group is counted when first seen. */
  private final Function1<T, Object> key;
  private final IntHashSet seen;
  private long counted;

  CountingEnumerator(Enumerator<T> input, MemoryBudget budget, HeldRows held, Function1<T, Object> key) {
    this.input = input;
    this.budget = budget;
    this.held = held;
    this.key = key;
    this.seen = key == null ? null : new IntHashSet();
  }

  @Override public T current() {
    return input.current();
  }

  @Override public boolean moveNext() {
    if (!input.moveNext()) {
      return false;
    }
    T row = input.current();
    long bytes;
    if (key == null) {
      bytes = held.sizeOf(row, null);
    } else {
      Object k = key.apply(row);
      // Groups are told apart by their keys' hash codes: two groups whose keys collide count once, a small
      // under-estimate, where keeping the keys themselves would double what the aggregate holds.
      if (!seen.add(k == null ? 0 : k.hashCode())) {
        return true;
      }
      bytes = held.sizeOf(row, k) + IntHashSet.BYTES_PER_ENTRY;
    }
    counted += bytes;
    budget.reserve(bytes, held.holder());
    return true;
  }

  /** The operator dropped what it built from this reading. */
  void releaseCounted() {
    budget.release(counted);
    counted = 0;
  }

  @Override public void reset() {
    input.reset();
  }

  @Override public void close() {
    input.close();
  }
}
