package io.junctionsql.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing per client address. After {@code maxFailures} failures within
 * {@code window}, the address is refused without looking at its credentials for {@code initialDelay};
 * each further failure doubles the delay, up to {@code maxDelay}. A success clears the address. An
 * address that stays quiet for a window after its last failure or refusal starts afresh.
 *
 * <p>Memory is bounded: beyond {@code maxAddresses}, addresses that have gone quiet are dropped first,
 * then the longest quiet ones. Someone with more addresses than that can wash out their own history,
 * which is the price of not growing without limit.
 */
public final class LoginThrottle {
  static final int MAX_ADDRESSES = 50_000;

  /** What the throttle knows about one address; immutable, replaced as a whole. */
  private record State(int failures, Instant lastFailure, Instant blockedUntil) {
    Instant quietSince() {
      return blockedUntil.isAfter(lastFailure) ? blockedUntil : lastFailure;
    }
  }

  private final ThrottleConfig config;
  private final Clock clock;
  private final int maxAddresses;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  public LoginThrottle(ThrottleConfig config, Clock clock) {
    this(config, clock, MAX_ADDRESSES);
  }

  LoginThrottle(ThrottleConfig config, Clock clock, int maxAddresses) {
    this.config = config;
    this.clock = clock;
    this.maxAddresses = maxAddresses;
  }

  /** How long the address must still wait; empty when it may try now. */
  public Optional<Duration> refusal(String address) {
    State s = states.get(address);
    if (s == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return now.isBefore(s.blockedUntil) ? Optional.of(Duration.between(now, s.blockedUntil)) : Optional.empty();
  }

  /** Records a failed attempt from the address. */
  public void failure(String address) {
    Instant now = clock.instant();
    states.compute(address, (a, s) -> {
      int failures = s == null || stale(s, now) ? 1 : s.failures + 1;
      Instant blockedUntil = failures < config.maxFailures() ? Instant.MIN : now.plus(delay(failures));
      return new State(failures, now, blockedUntil);
    });
    if (states.size() > maxAddresses) {
      evict(now);
    }
  }

  /** Records a successful attempt: the address starts afresh. */
  public void success(String address) {
    states.remove(address);
  }

  int addresses() {
    return states.size();
  }

  /** The delay after the given number of failures (at least maxFailures): doubling, capped. */
  private Duration delay(int failures) {
    Duration max = config.maxDelay();
    Duration d = config.initialDelay();
    // Stops doubling at the cap, so that many failures cannot overflow the duration.
    for (int i = config.maxFailures(); i < failures && d.compareTo(max) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(max) > 0 ? max : d;
  }

  private boolean stale(State s, Instant now) {
    return !now.isBefore(s.quietSince().plus(config.window()));
  }

  /** Drops quiet addresses; if that is not enough, the longest quiet ones down to nine tenths of the cap. */
  private synchronized void evict(Instant now) {
    if (states.size() <= maxAddresses) {
      return;
    }
    states.entrySet().removeIf(e -> stale(e.getValue(), now));
    int excess = states.size() - maxAddresses * 9 / 10;
    if (excess > 0) {
      states.entrySet().stream()
          .sorted(Comparator.comparing(e -> e.getValue().quietSince()))
          .limit(excess)
          .map(Map.Entry::getKey)
          .toList()
          .forEach(states::remove);
    }
  }
}
