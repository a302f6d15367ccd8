package io.junctionsql.planner.runtime.parallel;

import io.junctionsql.planner.runtime.memory.MemoryBudget;

import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One source read of a query that may run ahead of the query's thread (see {@link ParallelReads}). Its
 * first reading takes the rows its own thread read ahead, or, if it has not started yet, reads the source
 * directly as without parallel reads; any later reading reads the source directly again.
 */
final class ReadAhead extends AbstractEnumerable<Object> {
  private static final Logger LOG = LoggerFactory.getLogger(ReadAhead.class);
  /** The first batch is small, so that the first rows of a slow source reach the query early. */
  static final int FIRST_BATCH = 64;
  static final int MAX_BATCH = 1024;
  /** Full batches waiting per read: with {@link #MAX_BATCH}, at most this many thousand rows are held per read. */
  static final int BATCHES = 4;

  enum State { WAITING, AHEAD, DIRECT }

  private final Enumerable<Object> rows;
  private final ParallelReads reads;
  private final ReadPermits permits;
  private final AtomicReference<State> state = new AtomicReference<>(State.WAITING);
  private final AtomicBoolean opened = new AtomicBoolean();
  private final RowHandover handover;
  /** The source statements its thread opened, to cancel when its rows are no longer wanted. */
  private final Set<Statement> statements = ConcurrentHashMap.newKeySet();
  private volatile boolean producing;
  /** Whether its thread is opening the source (taking a pooled connection, executing the statement). */
  private volatile boolean opening;
  /** Whether its thread waits for the source's next row (which may mean a fetch from the source). */
  private volatile boolean reading;
  private volatile Thread thread;

  /** @param budget what the rows waiting for the query count against; null for nothing */
  ReadAhead(Enumerable<Object> rows, ParallelReads reads, ReadPermits permits, MemoryBudget budget) {
    this.rows = rows;
    this.reads = reads;
    this.permits = permits;
    this.handover = new RowHandover(BATCHES, FIRST_BATCH, MAX_BATCH, budget);
  }

  @Override public Enumerator<Object> enumerator() {
    if (!opened.compareAndSet(false, true)) {
      return rows.enumerator();
    }
    boolean here = state.compareAndSet(State.WAITING, State.DIRECT);
    reads.opened();
    return here ? rows.enumerator() : new HandedRows();
  }

  boolean waiting() {
    return state.get() == State.WAITING;
  }

  /** Takes this read's permit, if it needs one; false if none is free now. */
  boolean takePermit() {
    return permits == null || permits.tryTake();
  }

  /** Claims this read for a thread of its own; false if the query's thread took it first. */
  boolean claim(Thread producer) {
    thread = producer;
    producing = true;
    if (state.compareAndSet(State.WAITING, State.AHEAD)) {
      return true;
    }
    producing = false;
    thread = null;
    if (permits != null) {
      permits.give();
    }
    return false;
  }

  /** Runs on the read's own thread: reads the source into the handover until it ends, fails or is stopped. */
  void produce() {
    ReadStatements.listen(statements::add);
    Enumerator<Object> cursor = null;
    try {
      opening = true;
      if (!handover.stopped()) {
        cursor = rows.enumerator();
      }
      opening = false;
      if (cursor != null) {
        pump(cursor);
      }
    } catch (Throwable e) {
      if (!handover.stopped()) {
        handover.fail(e);
      }
    } finally {
      opening = false;
      ReadStatements.listen(null);
      // An interrupt meant for opening the source must not disturb closing it.
      Thread.interrupted();
      if (cursor != null) {
        try {
          cursor.close();
        } catch (RuntimeException e) {
          LOG.debug("closing a read-ahead source read failed: {}", e.getMessage());
        }
      }
      producing = false;
      statements.clear();
      if (permits != null) {
        permits.give();
      }
    }
  }

  private void pump(Enumerator<Object> cursor) throws InterruptedException {
    while (true) {
      Object row;
      try {
        // Marked before the stop is looked at: a stop is either seen here or sees this read in the source.
        reading = true;
        if (handover.stopped()) {
          return;
        }
        boolean more = cursor.moveNext();
        if (!more) {
          break;
        }
        row = cursor.current();
      } finally {
        reading = false;
      }
      if (!handover.add(row)) {
        return;
      }
    }
    handover.end();
  }

  /**
   * Nobody will take this read's rows: its thread stops, and what it runs in the source is cancelled. With
   * {@code query}, the whole query stopped, and a reader asking for rows afterwards gets the cancellation.
   */
  void stop(boolean query) {
    if (query) {
      handover.cancel();
    } else {
      handover.stop();
    }
    if (!producing || !(opening || reading)) {
      // A read that waits for the query, not the source, ends by itself once it sees the stop and closes its
      // statement; a cancel would gain nothing and, for PostgreSQL, cost its source connection.
      return;
    }
    for (Statement s : statements) {
      try {
        s.cancel();
      } catch (SQLException | RuntimeException e) {
        LOG.debug("cancelling a read-ahead source statement failed: {}", e.getMessage());
      }
    }
    Thread t = thread;
    if (opening && t != null) {
      // Waiting for a pooled connection is not a statement to cancel; an interrupt ends the wait.
      t.interrupt();
    }
  }

  /** The rows a read's own thread read ahead, as the query's thread takes them. */
  private final class HandedRows implements Enumerator<Object> {
    private List<Object> batch = List.of();
    private int index;
    private Object current;
    private boolean ended;

    @Override public Object current() {
      return current;
    }

    @Override public boolean moveNext() {
      while (index >= batch.size()) {
        if (ended) {
          return false;
        }
        List<Object> next;
        try {
          next = handover.take();
        } catch (RuntimeException | Error e) {
          // The query fails with this read's error: the other reads' rows are not wanted any more.
          reads.stop();
          throw e;
        }
        if (next == null) {
          ended = true;
          return false;
        }
        batch = next;
        index = 0;
      }
      current = batch.get(index++);
      return true;
    }

    @Override public void reset() {
      throw new UnsupportedOperationException("a source read reads forward only");
    }

    @Override public void close() {
      ended = true;
      stop(false);
    }
  }
}
