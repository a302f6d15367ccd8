package io.junctionsql.server.auth;

import io.junctionsql.planner.config.ConfigException;
import io.junctionsql.planner.config.ConfigNode;

import java.time.Duration;
import java.util.List;

/**
 * The {@code server.auth.throttle} section.
 *
 * @param maxFailures failures from one client address within {@code window} before it is refused
 * @param window how long failures count
 * @param initialDelay how long the first refusal lasts; each further failure doubles it
 * @param maxDelay the longest refusal
 */
public record ThrottleConfig(int maxFailures, Duration window, Duration initialDelay, Duration maxDelay) {
  public static final ThrottleConfig DEFAULT =
      new ThrottleConfig(5, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofMinutes(5));

  public ThrottleConfig {
    if (maxFailures < 1 || !positive(window) || !positive(initialDelay) || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("throttle needs maxFailures >= 1, positive durations and "
          + "maxDelay >= initialDelay");
    }
  }

  static ThrottleConfig parse(ConfigNode node) {
    node.allowOnly(List.of("max_failures", "window", "initial_delay", "max_delay"), "the login throttle");
    int maxFailures = node.intValue("max_failures", DEFAULT.maxFailures, 1, 10_000);
    Duration window = positive(node, "window", DEFAULT.window);
    Duration initialDelay = positive(node, "initial_delay", DEFAULT.initialDelay);
    Duration maxDelay = positive(node, "max_delay", DEFAULT.maxDelay);
    if (maxDelay.compareTo(initialDelay) < 0) {
      throw new ConfigException(node.pathOf("max_delay") + ": shorter than initial_delay; make it at least "
          + initialDelay.toSeconds() + "s.");
    }
    return new ThrottleConfig(maxFailures, window, initialDelay, maxDelay);
  }

  private static Duration positive(ConfigNode node, String key, Duration defaultValue) {
    Duration d = node.duration(key, defaultValue);
    if (!positive(d)) {
      throw new ConfigException(node.pathOf(key) + ": must be longer than zero; write for example 30s or 1m.");
    }
    return d;
  }

  private static boolean positive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }
}
