package io.junctionsql.server.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {
  private static final ThrottleConfig CONFIG =
      new ThrottleConfig(3, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(10));

  private final FakeClock clock = new FakeClock();
  private final LoginThrottle throttle = new LoginThrottle(CONFIG, clock);

  private void fail(int times) {
    for (int i = 0; i < times; i++) {
      throttle.failure("10.0.0.1");
    }
  }

  @Test void refusesAfterMaxFailuresWithinTheWindow() {
    fail(2);
    assertThat(throttle.refusal("10.0.0.1")).isEmpty();
    fail(1);
    assertThat(throttle.refusal("10.0.0.1")).contains(Duration.ofSeconds(1));
    assertThat(throttle.refusal("10.0.0.2")).as("other addresses are not affected").isEmpty();
    clock.advance(Duration.ofMillis(400));
    assertThat(throttle.refusal("10.0.0.1")).contains(Duration.ofMillis(600));
    clock.advance(Duration.ofMillis(600));
    assertThat(throttle.refusal("10.0.0.1")).isEmpty();
  }

  @Test void eachFurtherFailureDoublesTheDelayUpToTheCap() {
    fail(3);
    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Duration d = throttle.refusal("10.0.0.1").orElseThrow();
      delays.add(d);
      clock.advance(d);
      fail(1);
    }
    assertThat(delays).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
        Duration.ofSeconds(8), Duration.ofSeconds(10));
    assertThat(throttle.refusal("10.0.0.1")).contains(Duration.ofSeconds(10));
  }

  @Test void aSuccessStartsAfresh() {
    fail(3);
    clock.advance(Duration.ofSeconds(1));
    throttle.success("10.0.0.1");
    fail(2);
    assertThat(throttle.refusal("10.0.0.1")).isEmpty();
  }

  @Test void failuresFurtherApartThanTheWindowDoNotAddUp() {
    for (int i = 0; i < 10; i++) {
      fail(1);
      clock.advance(Duration.ofSeconds(61));
    }
    assertThat(throttle.refusal("10.0.0.1")).isEmpty();
  }

  @Test void aQuietWindowAfterARefusalForgetsTheAddress() {
    fail(3);
    clock.advance(Duration.ofSeconds(1).plus(Duration.ofMinutes(1)));
    fail(2);
    assertThat(throttle.refusal("10.0.0.1")).isEmpty();
  }

  @Test void memoryIsBounded() {
    LoginThrottle small = new LoginThrottle(CONFIG, clock, 100);
    small.failure("attacker");
    small.failure("attacker");
    small.failure("attacker");
    for (int i = 0; i < 1_000; i++) {
      small.failure("10.1." + (i / 256) + "." + (i % 256));
      clock.advance(Duration.ofMillis(1));
    }
    assertThat(small.addresses()).isLessThanOrEqualTo(100);
  }

  @Test void countsEveryFailureUnderConcurrency() throws Exception {
    LoginThrottle t = new LoginThrottle(new ThrottleConfig(801, Duration.ofMinutes(1), Duration.ofSeconds(1),
        Duration.ofSeconds(10)), clock);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        done.add(pool.submit(() -> {
          for (int j = 0; j < 100; j++) {
            t.failure("10.0.0.1");
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(t.refusal("10.0.0.1")).as("800 failures: one short of the limit").isEmpty();
    t.failure("10.0.0.1");
    assertThat(t.refusal("10.0.0.1")).isPresent();
  }
}
