package io.junctionsql.server.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Whether each source answers, checked at most once per interval so that frequent probes from several
 * kubelets do not load the sources, and bounded in time so that a hanging source makes the server
 * "not ready" instead of hanging the probe.
 */
public final class SourceHealth {
  private final Supplier<Map<String, String>> check;
  private final Duration interval;
  private final Duration timeout;
  private final Clock clock;
  private Map<String, String> last;
  private Instant checkedAt = Instant.MIN;

  public SourceHealth(Supplier<Map<String, String>> check, Duration interval, Duration timeout, Clock clock) {
    this.check = check;
    this.interval = interval;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** Source name to null when it answered, else what failed. */
  public synchronized Map<String, String> problems() {
    Instant now = clock.instant();
    if (last == null || !now.isBefore(checkedAt.plus(interval))) {
      last = runBounded();
      checkedAt = now;
    }
    return last;
  }

  private Map<String, String> runBounded() {
    CompletableFuture<Map<String, String>> running = CompletableFuture.supplyAsync(check);
    try {
      return running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      running.cancel(true);
      Map<String, String> out = new LinkedHashMap<>();
      out.put("*", "the sources did not all answer within " + timeout.toSeconds() + " s");
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of("*", "interrupted");
    } catch (ExecutionException e) {
      return Map.of("*", String.valueOf(e.getCause()));
    }
  }
}
