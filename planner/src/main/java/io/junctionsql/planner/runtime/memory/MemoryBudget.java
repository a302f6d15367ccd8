package io.junctionsql.planner.runtime.memory;

import io.junctionsql.planner.JunctionException;
import io.junctionsql.planner.SqlStates;
import io.junctionsql.planner.config.ByteSizes;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one statement's operators hold (hash join build sides, sorts, groups, ...), in estimated bytes,
 * against the statement's limit. Thread-safe: a statement's rows may be read on another thread than
 * the one that executed it.
 */
public final class MemoryBudget {
  private final long limit;
  private final AtomicLong used = new AtomicLong();
  private final AtomicLong peak = new AtomicLong();
  private volatile boolean exceeded;

  public MemoryBudget(long limit) {
    this.limit = limit;
  }

  /**
   * Counts {@code bytes} more held by {@code holder} (for example "a hash join's build side"). Past the
   * limit the query ends: the counter drops to zero, since nothing the query built is used again, and the
   * failure says what was too big and what to do.
   */
  public void reserve(long bytes, String holder) {
    long now = used.addAndGet(bytes);
    peak.accumulateAndGet(now, Math::max);
    if (now > limit) {
      exceeded = true;
      used.set(0);
      throw new JunctionException(SqlStates.OUT_OF_MEMORY, "The query held more than " + ByteSizes.format(limit)
          + " (the query-memory limit) when " + holder + " needed more, and was stopped. Filter or aggregate "
          + "the query's inputs so that fewer rows reach Junction's joins, sorts and groupings, or raise "
          + "query-memory in the gateway config.");
    }
  }

  /** An operator let go of {@code bytes} it held (for example an input read again replaces its earlier copy). */
  public void release(long bytes) {
    used.updateAndGet(v -> Math.max(0, v - bytes));
  }

  /** The statement ended: whatever it held is garbage now. */
  public void releaseAll() {
    used.set(0);
  }

  /** Bytes held now. */
  public long used() {
    return used.get();
  }

  /** The most bytes held at once since the statement started. */
  public long peak() {
    return peak.get();
  }

  public long limit() {
    return limit;
  }

  /** Whether the statement was stopped for holding too much. */
  public boolean exceeded() {
    return exceeded;
  }
}
