package io.junctionsql.planner.runtime;

import java.util.function.Supplier;

/**
 * The plain scans a statement's plan turned out to be: when a query only reads columns of one table
 * (no filter, join, sort or computation in Junction), its rows can go to the client straight from the
 * source's column vectors. The planner notes it while preparing; the driver takes it on the same thread.
 */
public final class DirectScans {
  private static final ThreadLocal<Supplier<ColumnarRows>> LAST = new ThreadLocal<>();
  private static final ThreadLocal<Boolean> CLIENT_SERVES = new ThreadLocal<>();

  private DirectScans() {
  }

  /** Called while preparing: how to open the rows of the plan just prepared. */
  public static void record(Supplier<ColumnarRows> rows) {
    LAST.set(rows);
  }

  /**
   * Called by the driver around an execution it will answer itself if the plan is a plain scan: inside
   * that window the general path's copy of the scan yields nothing instead of planning and reading it.
   */
  public static void clientServes(boolean serves) {
    if (serves) {
      CLIENT_SERVES.set(Boolean.TRUE);
    } else {
      CLIENT_SERVES.remove();
    }
  }

  /** Whether the scan being opened now is one the driver answers itself. */
  public static boolean servedByClient() {
    return CLIENT_SERVES.get() != null && LAST.get() != null;
  }

  /** Forgets what an earlier statement left. */
  public static void clear() {
    LAST.remove();
  }

  /** What the statement just prepared on this thread left, if it is a plain scan; clears it. */
  public static Supplier<ColumnarRows> take() {
    Supplier<ColumnarRows> rows = LAST.get();
    LAST.remove();
    return rows;
  }
}
