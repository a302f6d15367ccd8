package io.junctionsql.planner.runtime.parallel;

import io.junctionsql.planner.JunctionException;
import io.junctionsql.planner.SqlStates;
import io.junctionsql.planner.runtime.memory.MemoryBudget;
import io.junctionsql.planner.runtime.memory.QueryMemory;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Reads of one execution running ahead of the query's thread, over in-memory sources that note where they run. */
class ParallelReadsTest {
  private final AtomicBoolean key = new AtomicBoolean();
  private final DataContext root = new CancelFlagOnly(key);
  private ParallelReads reads;

  @AfterEach void close() {
    if (reads != null) {
      reads.close();
    }
    QueryMemory.close(key);
  }

  @Test void theFirstReadOpenedRunsHereAndTheOthersAheadWithTheirRowsInOrder() throws Exception {
    reads = ParallelReads.open(key, 4);
    Source a = new Source(3000, -1);
    Source b = new Source(5000, -1);
    Source c = new Source(7, -1);
    Enumerable<Object> readA = ParallelReads.read(a, root, null);
    Enumerable<Object> readB = ParallelReads.read(b, root, null);
    Enumerable<Object> readC = ParallelReads.read(c, root, null);
    assertThat(reads.registered()).isEqualTo(3);
    assertThat(drain(readA)).isEqualTo(a.expected());
    assertThat(drain(readC)).isEqualTo(c.expected());
    assertThat(drain(readB)).isEqualTo(b.expected());
    assertThat(a.threads).containsExactly(Thread.currentThread().getName());
    assertThat(b.threads).singleElement().asString().startsWith("junction-read-");
    assertThat(c.threads).singleElement().asString().startsWith("junction-read-");
    // The read ahead closes its source after handing over its last rows, so it may still be closing.
    awaitNoneRunning();
    assertThat(b.closed.get()).as("the read ahead closed its source").isEqualTo(1);
  }

  @Test void aReadAheadHoldsAFewBatchesAtMostAndStopsWhenItsRowsAreNotWanted() throws Exception {
    reads = ParallelReads.open(key, 2);
    Source a = new Source(10, -1);
    Source big = new Source(1_000_000, -1);
    Enumerable<Object> readA = ParallelReads.read(a, root, null);
    ParallelReads.read(big, root, null);
    drain(readA);
    Thread.sleep(300);
    int held = ReadAhead.FIRST_BATCH + 2 * ReadAhead.FIRST_BATCH + 4 * ReadAhead.FIRST_BATCH
        + 8 * ReadAhead.FIRST_BATCH + ReadAhead.MAX_BATCH;
    assertThat(big.produced.get()).as("rows read ahead while nobody takes them").isLessThanOrEqualTo(held + 1);
    assertThat(reads.running()).isEqualTo(1);
    reads.stop();
    awaitNoneRunning();
    assertThat(big.closed.get()).as("the stopped read closed its source").isEqualTo(1);
  }

  @Test void rowsWaitingCountAgainstTheQueryMemoryUntilTakenOrDropped() throws Exception {
    MemoryBudget budget = QueryMemory.open(key, 1L << 30);
    reads = ParallelReads.open(key, 2);
    Source a = new Source(10, -1);
    Source big = new Source(1_000_000, -1);
    Enumerable<Object> readA = ParallelReads.read(a, root, null);
    Enumerable<Object> readBig = ParallelReads.read(big, root, null);
    drain(readA);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (budget.used() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    long waiting = budget.used();
    assertThat(waiting).as("bytes counted for the rows waiting").isPositive();
    Enumerator<Object> rows = readBig.enumerator();
    for (int i = 0; i < ReadAhead.FIRST_BATCH; i++) {
      assertThat(rows.moveNext()).isTrue();
    }
    assertThat(rows.current()).isEqualTo(ReadAhead.FIRST_BATCH - 1);
    rows.close();
    awaitNoneRunning();
    assertThat(budget.used()).as("counted after the read was closed").isZero();
  }

  @Test void rowsWaitingPastTheQueryMemoryFailTheQuery() {
    QueryMemory.open(key, 20_000);
    reads = ParallelReads.open(key, 2);
    Source a = new Source(1, -1);
    Source big = new Source(1_000_000, -1);
    Enumerable<Object> readA = ParallelReads.read(a, root, null);
    Enumerable<Object> readBig = ParallelReads.read(big, root, null);
    drain(readA);
    Throwable e = catchThrowable(() -> drain(readBig));
    assertThat(e).isInstanceOf(JunctionException.class).hasMessageContaining("a source read running ahead");
    assertThat(((JunctionException) e).sqlState()).isEqualTo(SqlStates.OUT_OF_MEMORY);
  }

  @Test void aReadsFailureReachesTheQueryUnchangedAfterItsRows() throws Exception {
    reads = ParallelReads.open(key, 4);
    Source a = new Source(1, -1);
    Source failing = new Source(2000, 1500);
    Source other = new Source(1_000_000, -1);
    Enumerable<Object> readA = ParallelReads.read(a, root, null);
    Enumerable<Object> readFailing = ParallelReads.read(failing, root, null);
    ParallelReads.read(other, root, null);
    drain(readA);
    Enumerator<Object> rows = readFailing.enumerator();
    int seen = 0;
    Throwable e = null;
    try {
      while (rows.moveNext()) {
        seen++;
      }
    } catch (RuntimeException failure) {
      e = failure;
    }
    assertThat(seen).as("rows before the failure").isEqualTo(1500);
    assertThat(e).isSameAs(failing.failure);
    awaitNoneRunning();
    assertThat(other.closed.get()).as("the other read, stopped with the query's failure, closed what it opened")
        .isEqualTo(other.opened.get());
  }

  @Test void aSecondReadingReadsTheSourceAgainHere() {
    reads = ParallelReads.open(key, 4);
    Source a = new Source(5, -1);
    Source b = new Source(5, -1);
    Enumerable<Object> readA = ParallelReads.read(a, root, null);
    Enumerable<Object> readB = ParallelReads.read(b, root, null);
    drain(readA);
    assertThat(drain(readB)).isEqualTo(b.expected());
    assertThat(drain(readB)).isEqualTo(b.expected());
    assertThat(b.threads).hasSize(2).contains(Thread.currentThread().getName());
  }

  @Test void aReadWithoutAThreadOrAPermitIsReadHereWhenTheQueryReachesIt() {
    reads = ParallelReads.open(key, 2);
    ReadPermits none = new ReadPermits(0);
    Source a = new Source(5, -1);
    Source b = new Source(5, -1);
    // Large enough that its thread stays busy (its handover full) while the query reaches the other reads.
    Source c = new Source(100_000, -1);
    Source d = new Source(5, -1);
    Enumerable<Object> readA = ParallelReads.read(a, root, null);
    Enumerable<Object> readB = ParallelReads.read(b, root, none);
    Enumerable<Object> readC = ParallelReads.read(c, root, null);
    Enumerable<Object> readD = ParallelReads.read(d, root, null);
    drain(readA);
    assertThat(drain(readD)).isEqualTo(d.expected());
    assertThat(drain(readB)).isEqualTo(b.expected());
    assertThat(drain(readC)).isEqualTo(c.expected());
    String here = Thread.currentThread().getName();
    assertThat(b.threads).as("no permit: read here").containsExactly(here);
    assertThat(c.threads).as("the one thread ahead").singleElement().asString().startsWith("junction-read-");
    assertThat(d.threads).as("reached before a thread was free: read here").containsExactly(here);
  }

  @Test void oneReadAtATimeLeavesTheReadsAsTheyAre() {
    reads = ParallelReads.open(key, 1);
    Source a = new Source(5, -1);
    assertThat(ParallelReads.read(a, root, null)).isSameAs(a);
    ParallelReads.open(new AtomicBoolean(), 4).close();
    assertThat(ParallelReads.read(a, new CancelFlagOnly(new AtomicBoolean()), null))
        .as("no execution under this statement's key").isSameAs(a);
  }

  @Test void aCancelReachesTheQueryWaitingForARead() throws Exception {
    reads = ParallelReads.open(key, 2);
    Source a = new Source(1, -1);
    Source stalled = new Source(10, -1);
    stalled.stallAfter = 0;
    Enumerable<Object> readA = ParallelReads.read(a, root, null);
    Enumerable<Object> readStalled = ParallelReads.read(stalled, root, null);
    drain(readA);
    Thread canceller = new Thread(() -> {
      sleep(200);
      reads.stop();
    });
    canceller.start();
    Throwable e = catchThrowable(() -> drain(readStalled));
    canceller.join();
    assertThat(e).hasMessage("The query was cancelled.");
    stalled.release.set(true);
    awaitNoneRunning();
  }

  /**
   * A source that gives ten rows and then stalls (a fetch waiting for its database): the ten reach the query
   * while it stalls, not only when its next row comes or its batch of 64 fills.
   */
  @Test void rowsReadBeforeASourceStallsReachTheQueryWhileItStalls() throws Exception {
    reads = ParallelReads.open(key, 2);
    Source a = new Source(1, -1);
    Source stalling = new Source(20, -1);
    stalling.stallAfter = 10;
    Enumerable<Object> readA = ParallelReads.read(a, root, null);
    Enumerable<Object> readStalling = ParallelReads.read(stalling, root, null);
    drain(readA);
    // Ends the stall after three seconds in any case, so that a regression fails rather than hangs.
    Thread releaser = new Thread(() -> {
      sleep(3000);
      stalling.release.set(true);
    });
    releaser.start();
    List<Object> seen = new ArrayList<>();
    long start = System.nanoTime();
    try (Enumerator<Object> rows = readStalling.enumerator()) {
      while (seen.size() < 10 && rows.moveNext()) {
        seen.add(rows.current());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(seconds).as("seconds until the ten rows read before the stall arrived").isLessThan(1);
      assertThat(stalling.release.get()).as("still stalled").isFalse();
      stalling.release.set(true);
      while (rows.moveNext()) {
        seen.add(rows.current());
      }
    }
    releaser.join();
    assertThat(seen).isEqualTo(stalling.expected());
  }

  private void awaitNoneRunning() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (reads.running() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(reads.running()).as("reads still running").isZero();
  }

  private static List<Object> drain(Enumerable<Object> rows) {
    List<Object> out = new ArrayList<>();
    try (Enumerator<Object> e = rows.enumerator()) {
      while (e.moveNext()) {
        out.add(e.current());
      }
    }
    return out;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Rows 0 to n - 1; notes the threads it is read on, the rows it gave and its closing; may fail or stall. */
  private static final class Source extends AbstractEnumerable<Object> {
    final int rows;
    final int failAt;
    final RuntimeException failure = new IllegalStateException("the source broke");
    final Set<String> threads = ConcurrentHashMap.newKeySet();
    final AtomicInteger produced = new AtomicInteger();
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    final AtomicBoolean release = new AtomicBoolean();
    volatile int stallAfter = -1;

    Source(int rows, int failAt) {
      this.rows = rows;
      this.failAt = failAt;
    }

    List<Object> expected() {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        out.add(i);
      }
      return out;
    }

    @Override public Enumerator<Object> enumerator() {
      threads.add(Thread.currentThread().getName());
      opened.incrementAndGet();
      return new Enumerator<>() {
        private int i = -1;

        @Override public Object current() {
          return i;
        }

        @Override public boolean moveNext() {
          if (i + 1 == stallAfter) {
            while (!release.get()) {
              sleep(5);
            }
          }
          if (++i == failAt) {
            throw failure;
          }
          if (i >= rows) {
            return false;
          }
          produced.incrementAndGet();
          return true;
        }

        @Override public void reset() {
          i = -1;
        }

        @Override public void close() {
          closed.incrementAndGet();
        }
      };
    }
  }

  /** A context that answers only the statement's cancel flag, as Calcite's does for every execution. */
  private static final class CancelFlagOnly implements DataContext {
    private final AtomicBoolean flag;

    CancelFlagOnly(AtomicBoolean flag) {
      this.flag = flag;
    }

    @Override public SchemaPlus getRootSchema() {
      return null;
    }

    @Override public JavaTypeFactory getTypeFactory() {
      return null;
    }

    @Override public QueryProvider getQueryProvider() {
      return null;
    }

    @Override public Object get(String name) {
      return name.equals(Variable.CANCEL_FLAG.camelName) ? flag : null;
    }
  }
}
