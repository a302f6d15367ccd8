package io.junctionsql.planner.runtime.parallel;

import java.util.concurrent.Semaphore;

/**
 * How many reads of one source may run ahead at once, across all queries of the gateway. A read started
 * ahead holds a pooled source connection while it waits for the query to take its rows; were the whole
 * pool held that way, the query's own thread could wait for a connection that only it can free. So a read
 * runs ahead only with a permit, taken without waiting, and half of the pool stays for reads the query
 * runs itself, as it would without parallel reads.
 */
public final class ReadPermits {
  private final Semaphore permits;

  /** Permits for a source whose connections come from pools of {@code poolSize}. */
  public static ReadPermits forPool(int poolSize) {
    return new ReadPermits(poolSize / 2);
  }

  ReadPermits(int permits) {
    this.permits = new Semaphore(Math.max(0, permits));
  }

  /** Takes a permit if one is free now. */
  boolean tryTake() {
    return permits.tryAcquire();
  }

  void give() {
    permits.release();
  }

  /** Permits free now; for tests. */
  public int available() {
    return permits.availablePermits();
  }
}
