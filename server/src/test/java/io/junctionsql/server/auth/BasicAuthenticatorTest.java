package io.junctionsql.server.auth;

import io.junctionsql.planner.security.Identity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BasicAuthenticatorTest {
  private final FakeClock clock = new FakeClock();
  private final AtomicInteger hashChecks = new AtomicInteger();
  private final AtomicReference<UsersFile> users = new AtomicReference<>(usersWith("alice-pw"));
  private final BasicAuthenticator basic = new BasicAuthenticator(users::get, (password, hash) -> {
    hashChecks.incrementAndGet();
    return PasswordHash.verify(password, hash);
  }, clock);

  private static UsersFile usersWith(String alicePassword) {
    return UsersFile.parse(Path.of("users.yaml"), "users:\n  alice:\n    password: \""
        + PasswordHash.hash(alicePassword.toCharArray(), 1_000) + "\"\n    groups: [analysts]\n");
  }

  static String basic(String user, String password) {
    return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test void rightPasswordGivesTheUserAndGroups() throws Exception {
    Identity id = basic.authenticate(basic("alice", "alice-pw"));
    assertThat(id.user()).isEqualTo("alice");
    assertThat(id.groups()).containsExactly("analysts");
  }

  @Test void wrongPasswordAndUnknownUserAreRefusedAlike() throws Exception {
    AuthenticationException wrong = refusal(basic("alice", "nope"));
    AuthenticationException unknown = refusal(basic("mallory", "alice-pw"));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.getMessage()).isEqualTo(unknown.getMessage()).contains("unknown user or wrong password")
        .doesNotContain("nope").doesNotContain("mallory");
    assertThat(hashChecks).as("an unknown user costs a hash check too").hasValue(2);
  }

  @Test void malformedHeadersAreRefused() {
    assertThat(refusal("not base64!").getMessage()).contains("malformed");
    assertThat(refusal(Base64.getEncoder().encodeToString("no colon".getBytes(StandardCharsets.UTF_8))).getMessage())
        .contains("malformed");
    assertThat(refusal(Base64.getEncoder().encodeToString(new byte[] {(byte) 0xC3, 0x28, ':', 'x'})).getMessage())
        .contains("malformed");
    assertThat(refusal(basic("", "alice-pw")).getMessage()).contains("malformed");
    assertThat(hashChecks).hasValue(0);
  }

  @Test void aPasswordWithAColonWorks() throws Exception {
    users.set(usersWith("a:b:c"));
    assertThat(basic.authenticate(basic("alice", "a:b:c")).user()).isEqualTo("alice");
  }

  @Test void aCachedSuccessSkipsTheHashCheck() throws Exception {
    basic.authenticate(basic("alice", "alice-pw"));
    basic.authenticate(basic("alice", "alice-pw"));
    basic.authenticate(basic("alice", "alice-pw"));
    assertThat(hashChecks).hasValue(1);
  }

  @Test void aWrongPasswordIsNeverACacheHit() throws Exception {
    basic.authenticate(basic("alice", "alice-pw"));
    refusal(basic("alice", "alice-pw "));
    refusal(basic("alice", "alice-pw "));
    assertThat(hashChecks).as("each wrong attempt is checked").hasValue(3);
  }

  @Test void aChangedPasswordInvalidatesTheCache() throws Exception {
    basic.authenticate(basic("alice", "alice-pw"));
    users.set(usersWith("new-pw"));
    refusal(basic("alice", "alice-pw"));
    assertThat(basic.authenticate(basic("alice", "new-pw")).user()).isEqualTo("alice");
    assertThat(hashChecks).hasValue(3);
  }

  @Test void cachedSuccessesExpireAfterFiveMinutes() throws Exception {
    basic.authenticate(basic("alice", "alice-pw"));
    clock.advance(Duration.ofMinutes(4));
    basic.authenticate(basic("alice", "alice-pw"));
    assertThat(hashChecks).hasValue(1);
    clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    basic.authenticate(basic("alice", "alice-pw"));
    assertThat(hashChecks).hasValue(2);
  }

  @Test void groupChangesShowWithoutAHashCheck() throws Exception {
    String hash = users.get().user("alice").orElseThrow().passwordHash();
    basic.authenticate(basic("alice", "alice-pw"));
    users.set(UsersFile.parse(Path.of("users.yaml"),
        "users:\n  alice:\n    password: \"" + hash + "\"\n    groups: [finance]\n"));
    assertThat(basic.authenticate(basic("alice", "alice-pw")).groups()).containsExactly("finance");
    assertThat(hashChecks).hasValue(1);
  }

  private AuthenticationException refusal(String credentials) {
    return (AuthenticationException) org.assertj.core.api.Assertions.catchThrowable(() -> basic.authenticate(credentials));
  }
}
