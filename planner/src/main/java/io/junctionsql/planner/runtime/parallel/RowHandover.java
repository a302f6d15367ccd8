package io.junctionsql.planner.runtime.parallel;

import io.junctionsql.planner.JunctionException;
import io.junctionsql.planner.SqlStates;
import io.junctionsql.planner.runtime.memory.MemoryBudget;
import io.junctionsql.planner.runtime.memory.RetainedSizes;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The rows of one read running ahead, on their way from its thread to the query's: batches of rows, at
 * most {@code capacity} of them waiting, then the end or the read's failure. Rows are handed over in
 * batches so that the two threads meet once per batch, not once per row. What waits is counted against the
 * query's memory budget, by estimate, from when it is handed over until it is taken.
 */
final class RowHandover {
  /** What the budget's message names when rows waiting here are too many. */
  static final String HOLDER = "a source read running ahead";
  /** The list slot each waiting row takes, besides the row. */
  private static final long SLOT_BYTES = 8;
  private final int capacity;
  /** Null outside Junction's driver: nothing is counted. */
  private final MemoryBudget budget;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Deque<Batch> batches = new ArrayDeque<>();
  private boolean ended;
  private Throwable failure;
  /** Nobody takes more rows: the reader closed them, the query ended or was cancelled. */
  private boolean stopped;
  private boolean cancelled;

  /** Rows on their way, and the bytes counted for them. */
  private record Batch(List<Object> rows, long bytes) {
  }

  RowHandover(int capacity, MemoryBudget budget) {
    this.capacity = capacity;
    this.budget = budget;
  }

  /**
   * The read's thread hands over a batch, waiting while {@code capacity} batches wait already. Returns false
   * when nobody wants more rows: the read should stop.
   */
  boolean put(List<Object> batch) throws InterruptedException {
    lock.lock();
    try {
      while (!stopped && batches.size() >= capacity) {
        changed.await();
      }
      if (stopped) {
        return false;
      }
      long bytes = bytes(batch);
      if (budget != null) {
        // Past the limit this fails the read, and the query with it, as a join's build side would.
        budget.reserve(bytes, HOLDER);
      }
      batches.addLast(new Batch(batch, bytes));
      changed.signalAll();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** A batch's size by estimate: its first and last rows' sizes, averaged, for every row. */
  private static long bytes(List<Object> batch) {
    if (batch.isEmpty()) {
      return 0;
    }
    long sample = (RetainedSizes.ofRow(batch.get(0)) + RetainedSizes.ofRow(batch.get(batch.size() - 1))) / 2;
    return (sample + SLOT_BYTES) * batch.size();
  }

  /** Drops the batches waiting, and what was counted for them. */
  private void clear() {
    for (Batch b : batches) {
      release(b);
    }
    batches.clear();
  }

  private void release(Batch batch) {
    if (budget != null) {
      budget.release(batch.bytes());
    }
  }

  /** The read ended: after the batches waiting, the reader sees the end. */
  void end() {
    change(() -> ended = true);
  }

  /** The read failed: after the batches waiting, the reader gets {@code failure} itself, unchanged. */
  void fail(Throwable e) {
    change(() -> {
      if (failure == null) {
        failure = e;
      }
      ended = true;
    });
  }

  /** Nobody takes more rows; a waiting read wakes up and stops. Batches waiting are dropped. */
  void stop() {
    change(() -> {
      stopped = true;
      clear();
    });
  }

  /** The query was cancelled: the reader, waiting or not, gets the cancellation instead of rows. */
  void cancel() {
    change(() -> {
      cancelled = true;
      stopped = true;
      clear();
    });
  }

  /** Changes the state under the lock and wakes whoever waits for it. */
  private void change(Runnable change) {
    lock.lock();
    try {
      change.run();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  boolean stopped() {
    lock.lock();
    try {
      return stopped;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The next batch, waiting for the read if none is there yet; null when the read ended. Rethrows the
   * read's failure as it was raised, so that the user sees the source's own error.
   */
  List<Object> take() {
    lock.lock();
    try {
      while (true) {
        if (cancelled) {
          throw new JunctionException(SqlStates.QUERY_CANCELLED, "The query was cancelled.");
        }
        Batch batch = batches.pollFirst();
        if (batch != null) {
          release(batch);
          changed.signalAll();
          return batch.rows();
        }
        if (ended) {
          if (failure != null) {
            throw rethrowable(failure);
          }
          return null;
        }
        if (stopped) {
          // Taken after this reading was closed: it has no more rows.
          return null;
        }
        try {
          changed.await(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new JunctionException(SqlStates.QUERY_CANCELLED, "The query was cancelled.", e);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  private static RuntimeException rethrowable(Throwable failure) {
    if (failure instanceof RuntimeException) {
      return (RuntimeException) failure;
    }
    if (failure instanceof Error) {
      throw (Error) failure;
    }
    // A checked exception sneaked out of generated code: pass it on as it is, wrapped as Calcite would.
    return new RuntimeException(failure);
  }
}
