package io.junctionsql.bench.tpch;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The most heap in use while a query runs, above what was in use when it started, sampled every 10 ms on
 * a daemon thread. A sample, not an exact peak: it shows what a query holds, not garbage it made in between.
 */
final class HeapSampler implements AutoCloseable {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final long baseline;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long peak;

  HeapSampler() {
    baseline = memory.getHeapMemoryUsage().getUsed();
    thread = new Thread(this::sample, "heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void sample() {
    while (running) {
      peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Bytes above the baseline at the highest sample. */
  long peakAboveBaseline() {
    return Math.max(0, peak - baseline);
  }

  @Override public void close() throws InterruptedException {
    running = false;
    thread.join();
  }
}
