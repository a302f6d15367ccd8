package io.junctionsql.server.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationCacheTest {
  @Test void staysWithinItsSize() {
    VerificationCache cache = new VerificationCache(new FakeClock(), Duration.ofMinutes(5), 3);
    for (int i = 0; i < 10; i++) {
      cache.remember("user" + i, "pw".toCharArray(), "hash");
    }
    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.matches("user9", "pw".toCharArray(), "hash")).isTrue();
    assertThat(cache.matches("user0", "pw".toCharArray(), "hash")).isFalse();
  }

  @Test void keysTellUsersAndPasswordsApart() {
    VerificationCache cache = new VerificationCache(new FakeClock(), Duration.ofMinutes(5), 10);
    cache.remember("alice", "pw".toCharArray(), "hash");
    assertThat(cache.matches("alice", "pw".toCharArray(), "hash")).isTrue();
    assertThat(cache.matches("bob", "pw".toCharArray(), "hash")).isFalse();
    assertThat(cache.matches("alice", "pw2".toCharArray(), "hash")).isFalse();
    assertThat(cache.matches("alice", "pw".toCharArray(), "other hash")).isFalse();
  }
}
