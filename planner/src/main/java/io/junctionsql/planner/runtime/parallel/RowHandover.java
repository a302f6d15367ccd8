package io.junctionsql.planner.runtime.parallel;

import io.junctionsql.planner.JunctionException;
import io.junctionsql.planner.SqlStates;
import io.junctionsql.planner.runtime.memory.MemoryBudget;
import io.junctionsql.planner.runtime.memory.RetainedSizes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The rows of one read running ahead, on their way from its thread to the query's: batches of rows, at
 * most {@code capacity} of them waiting, then the end or the read's failure. Rows are handed over in
 * batches so that the two threads meet once per batch, not once per row; each batch is twice the size of
 * the one before, up to a limit, so that a slow source's first rows are not held back. A batch still being
 * filled goes to a query that waits for it once its first row is {@link #FLUSH_NANOS} old, so rows read
 * before the source stalls (a fetch that waits for the database) are not held until the next row arrives.
 * What waits in full batches is counted against the query's memory budget, by estimate, from when it is
 * handed over until it is taken.
 */
final class RowHandover {
  /** A batch being filled goes to a waiting query once its first row waited this long, however few rows it has. */
  static final long FLUSH_NANOS = 50_000_000L;
  /** What the budget's message names when rows waiting here are too many. */
  static final String HOLDER = "a source read running ahead";
  /** The list slot each waiting row takes, besides the row. */
  private static final long SLOT_BYTES = 8;
  private final int capacity;
  private final int maxBatch;
  /** Null outside Junction's driver: nothing is counted. */
  private final MemoryBudget budget;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Deque<Batch> batches = new ArrayDeque<>();
  private boolean ended;
  private Throwable failure;
  /** Nobody takes more rows: the reader closed them, the query ended or was cancelled. Read without the lock. */
  private volatile boolean stopped;
  private boolean cancelled;
  /** The batch being filled (null if none), when its first row came, and the size at which it is full. */
  private List<Object> open;
  private long openSince;
  private int batchSize;

  /** Rows on their way, and the bytes counted for them. */
  private record Batch(List<Object> rows, long bytes) {
  }

  /**
   * @param capacity full batches that may wait
   * @param firstBatch the rows of the first batch; each later one has twice as many, up to {@code maxBatch}
   */
  RowHandover(int capacity, int firstBatch, int maxBatch, MemoryBudget budget) {
    this.capacity = capacity;
    this.batchSize = firstBatch;
    this.maxBatch = maxBatch;
    this.budget = budget;
  }

  /**
   * The read's thread hands over a row. When that fills the batch, it waits while {@code capacity} batches
   * wait already. Returns false when nobody wants more rows: the read should stop.
   */
  boolean add(Object row) throws InterruptedException {
    lock.lock();
    try {
      if (stopped) {
        return false;
      }
      if (open == null) {
        open = new ArrayList<>(batchSize);
        openSince = System.nanoTime();
        // A query waiting for rows times its wait by this batch's first row.
        changed.signalAll();
      }
      open.add(row);
      if (open.size() < batchSize) {
        return true;
      }
      List<Object> full = takeOpen();
      while (!stopped && batches.size() >= capacity) {
        changed.await();
      }
      if (stopped) {
        return false;
      }
      long bytes = bytes(full);
      if (budget != null) {
        // Past the limit this fails the read, and the query with it, as a join's build side would.
        budget.reserve(bytes, HOLDER);
      }
      batches.addLast(new Batch(full, bytes));
      changed.signalAll();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** The batch being filled, now closed; the next one is twice its size. */
  private List<Object> takeOpen() {
    List<Object> rows = open;
    open = null;
    batchSize = Math.min(maxBatch, batchSize * 2);
    return rows;
  }

  /** The batch being filled, as the last one waiting: the read ended or failed after its rows. */
  private void closeOpen() {
    if (open != null) {
      batches.addLast(new Batch(takeOpen(), 0));
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
    open = null;
  }

  private void release(Batch batch) {
    if (budget != null) {
      budget.release(batch.bytes());
    }
  }

  /** The read ended: after the batches waiting, the reader sees the end. */
  void end() {
    change(() -> {
      closeOpen();
      ended = true;
    });
  }

  /**
   * The read failed: after the batches waiting (the rows read before the failure reach the query first, as
   * without reading ahead), the reader gets {@code failure} itself, unchanged.
   */
  void fail(Throwable e) {
    change(() -> {
      closeOpen();
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
    return stopped;
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
        long wait = TimeUnit.SECONDS.toNanos(1);
        if (open != null) {
          long age = System.nanoTime() - openSince;
          if (age >= FLUSH_NANOS) {
            return takeOpen();
          }
          wait = FLUSH_NANOS - age;
        }
        try {
          changed.awaitNanos(wait);
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
