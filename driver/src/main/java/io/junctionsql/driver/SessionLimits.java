package io.junctionsql.driver;

import java.time.Duration;

/**
 * Limits a server puts on the connections it opens for its clients: a query timeout no statement can
 * raise or switch off, and the most rows one result may return.
 *
 * @param queryTimeout the longest a statement may run; zero for none
 * @param maxRows the most rows one result returns before reading on fails; zero for none
 */
public record SessionLimits(Duration queryTimeout, long maxRows) {
  public static final SessionLimits NONE = new SessionLimits(Duration.ZERO, 0);

  /** The timeout in JDBC's whole seconds, rounded up so that a sub-second limit still applies. */
  int timeoutSeconds() {
    if (queryTimeout.isZero()) {
      return 0;
    }
    long seconds = (queryTimeout.toMillis() + 999) / 1000;
    return (int) Math.min(Integer.MAX_VALUE, seconds);
  }

  /** The timeout a statement gets when it asks for {@code requested} seconds. */
  int clampTimeout(int requested) {
    int max = timeoutSeconds();
    if (max == 0) {
      return requested;
    }
    return requested <= 0 ? max : Math.min(requested, max);
  }
}
