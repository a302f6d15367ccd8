package io.junctionsql.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when a test says so. */
final class FakeClock extends Clock {
  private volatile Instant now;

  FakeClock(Instant start) {
    this.now = start;
  }

  FakeClock() {
    this(Instant.parse("2025-01-01T00:00:00Z"));
  }

  void advance(Duration d) {
    now = now.plus(d);
  }

  @Override public Instant instant() {
    return now;
  }

  @Override public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override public Clock withZone(ZoneId zone) {
    return this;
  }
}
