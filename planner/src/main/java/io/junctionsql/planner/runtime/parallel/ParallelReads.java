package io.junctionsql.planner.runtime.parallel;

import io.junctionsql.planner.runtime.memory.MemoryBudget;
import io.junctionsql.planner.runtime.memory.QueryMemory;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The source reads of one execution that may run at the same time. Calcite's generated code reads sources
 * one after another (a hash join reads its build side to the end before it opens its probe side); the
 * planner marks each read that the query reads once and that does not depend on another's rows, and its
 * code registers here when the query's rows are opened. When the query first asks a registered read for
 * rows, that read runs on the query's thread and every other registered read starts on a thread of its
 * own, up to {@code parallelReads - 1} of them at once (and, for a JDBC source, only while its {@link
 * ReadPermits} allow), each filling a small bounded {@link RowHandover}. A read the query reaches before
 * its thread started is read on the query's thread, as without parallel reads. Rows waiting in a handover
 * count against the query's memory budget.
 *
 * <p>Found by the statement's cancel flag, as {@link io.junctionsql.planner.runtime.memory.QueryMemory}
 * finds the memory budget. Stopping (the rows ended or failed), cancelling and closing reach every read's
 * thread: its source statement is cancelled, and closing waits until each thread closed its statement.
 */
public final class ParallelReads {
  private static final Logger LOG = LoggerFactory.getLogger(ParallelReads.class);
  private static final Map<AtomicBoolean, ParallelReads> RUNNING = Collections.synchronizedMap(new WeakHashMap<>());
  private static final AtomicLong THREAD_NUMBERS = new AtomicLong();
  /** How long closing waits for a read's thread to close its statement before giving up on it. */
  private static final long CLOSE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final AtomicBoolean key;
  /** Reads that may run on threads of their own at once, besides the query's thread. */
  private final int ahead;
  private final List<ReadAhead> registered = new ArrayList<>();
  private final Set<Thread> threads = new HashSet<>();
  private boolean started;
  private boolean stopped;

  private ParallelReads(AtomicBoolean key, int parallelReads) {
    this.key = key;
    this.ahead = Math.max(0, parallelReads - 1);
  }

  /**
   * An execution starts: its reads, up to {@code parallelReads} at once (1: one after another), under the
   * statement's key, replacing what an earlier execution left there.
   */
  public static ParallelReads open(AtomicBoolean key, int parallelReads) {
    ParallelReads reads = new ParallelReads(key, parallelReads);
    RUNNING.put(key, reads);
    return reads;
  }

  /**
   * Called by the generated code of a read the planner marked: the read, registered with its execution
   * to run ahead, or unchanged outside Junction's driver, with parallel reads off, or once the execution's
   * reads started (a read made later, such as one per row of a correlated join, runs where it is asked).
   *
   * @param permits what limits the reads ahead of the read's source; null for none
   */
  public static Enumerable<Object> read(Enumerable<Object> rows, DataContext root, ReadPermits permits) {
    Object flag = root.get(DataContext.Variable.CANCEL_FLAG.camelName);
    ParallelReads reads = flag == null ? null : RUNNING.get(flag);
    return reads == null ? rows : reads.register(rows, permits, QueryMemory.of(root));
  }

  private synchronized Enumerable<Object> register(Enumerable<Object> rows, ReadPermits permits,
      MemoryBudget budget) {
    if (ahead == 0 || started || stopped) {
      return rows;
    }
    ReadAhead read = new ReadAhead(rows, this, permits, budget);
    registered.add(read);
    return read;
  }

  /** A read's rows were asked for the first time: the first such call starts the reads ahead. */
  synchronized void opened() {
    if (!started) {
      started = true;
      schedule();
    }
  }

  /** Starts waiting reads, in the order the plan made them, while threads and permits allow. */
  private synchronized void schedule() {
    if (stopped) {
      return;
    }
    for (ReadAhead read : registered) {
      if (threads.size() >= ahead) {
        return;
      }
      if (!read.waiting() || !read.takePermit()) {
        continue;
      }
      Thread thread = new Thread(() -> run(read));
      thread.setDaemon(true);
      if (read.claim(thread)) {
        thread.setName("junction-read-" + THREAD_NUMBERS.incrementAndGet());
        threads.add(thread);
        thread.start();
      }
    }
  }

  private void run(ReadAhead read) {
    try {
      read.produce();
    } finally {
      ended(Thread.currentThread());
    }
  }

  private synchronized void ended(Thread thread) {
    threads.remove(thread);
    notifyAll();
    schedule();
  }

  /**
   * No read's rows are wanted any more (the query's rows ended or failed, or it was cancelled): every read
   * stops, its source statement cancelled, and a read the query waits for, or asks for later, raises the
   * cancellation rather than giving fewer rows.
   */
  public void stop() {
    List<ReadAhead> reads;
    synchronized (this) {
      stopped = true;
      reads = List.copyOf(registered);
    }
    for (ReadAhead read : reads) {
      read.stop(true);
    }
  }

  /**
   * The execution ended: every read stops, and this waits until their threads have closed their source
   * statements (a thread stuck past the wait is logged and left to finish on its own).
   */
  public void close() {
    RUNNING.remove(key, this);
    stop();
    long deadline = System.nanoTime() + CLOSE_WAIT_NANOS;
    synchronized (this) {
      while (!threads.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          LOG.warn("{} source read(s) did not stop within {} s of their query's end", threads.size(),
              TimeUnit.NANOSECONDS.toSeconds(CLOSE_WAIT_NANOS));
          return;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** How many reads have run on threads of their own in this JVM so far; for tests and figures. */
  public static long startedAhead() {
    return THREAD_NUMBERS.get();
  }

  /** Reads running on threads of their own now; for tests. */
  public synchronized int running() {
    return threads.size();
  }

  /** Reads registered to run ahead in this execution; for tests and figures. */
  public synchronized int registered() {
    return registered.size();
  }
}
