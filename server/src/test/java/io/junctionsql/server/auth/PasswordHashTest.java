package io.junctionsql.server.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHashTest {
  private static final int FEW = 1_000;

  @Test void hashRoundTrips() {
    String hash = PasswordHash.hash("correct horse".toCharArray(), FEW);
    assertThat(hash).matches("pbkdf2-sha256\\$1000\\$[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}");
    assertThat(PasswordHash.verify("correct horse".toCharArray(), hash)).isTrue();
  }

  @Test void wrongPasswordDoesNotMatch() {
    String hash = PasswordHash.hash("correct horse".toCharArray(), FEW);
    assertThat(PasswordHash.verify("correct hors".toCharArray(), hash)).isFalse();
    assertThat(PasswordHash.verify("Correct horse".toCharArray(), hash)).isFalse();
  }

  @Test void eachHashHasItsOwnSalt() {
    String a = PasswordHash.hash("same".toCharArray(), FEW);
    String b = PasswordHash.hash("same".toCharArray(), FEW);
    assertThat(a).isNotEqualTo(b);
    assertThat(PasswordHash.verify("same".toCharArray(), b)).isTrue();
  }

  @Test void defaultUses310000Iterations() {
    assertThat(PasswordHash.hash("x".toCharArray())).startsWith("pbkdf2-sha256$310000$");
  }

  @Test void plainTextIsNotAHashAndNeverMatches() {
    assertThat(PasswordHash.isHash("hunter2")).isFalse();
    assertThat(PasswordHash.isHash("pbkdf2-sha256$1000$!!$??")).isFalse();
    assertThat(PasswordHash.isHash(PasswordHash.hash("x".toCharArray(), FEW))).isTrue();
    assertThat(PasswordHash.verify("hunter2".toCharArray(), "hunter2")).isFalse();
  }

  @Test void decoyIsWellFormedAndMatchesNothing() {
    String decoy = PasswordHash.decoy();
    assertThat(PasswordHash.isHash(decoy)).isTrue();
    assertThat(decoy).startsWith("pbkdf2-sha256$310000$");
    assertThat(PasswordHash.verify("".toCharArray(), decoy)).isFalse();
  }
}
