package io.junctionsql.server.auth;

import io.junctionsql.planner.security.Identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AuthenticatorTest {
  private static final Identity ALICE = new Identity("alice", Set.of("analysts"));
  private static final Identity SERVICE = new Identity("svc", Set.of());

  @TempDir Path dir;

  private final FakeClock clock = new FakeClock();
  private final AtomicInteger basicChecks = new AtomicInteger();
  private final Authenticator.Scheme basic = credentials -> {
    basicChecks.incrementAndGet();
    if (credentials.equals("good")) {
      return ALICE;
    }
    throw AuthenticationException.rejected("unknown user or wrong password");
  };
  private final Authenticator.Scheme bearer = token -> {
    if (token.equals("down")) {
      throw AuthenticationException.unavailable("keys cannot be fetched", null);
    }
    if (token.equals("good")) {
      return SERVICE;
    }
    throw AuthenticationException.rejected("the bearer token expired");
  };
  private final Authenticator both = new Authenticator(true, basic, bearer,
      new LoginThrottle(new ThrottleConfig(2, Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofMinutes(5)),
          clock));

  private AuthenticationException refusal(Authenticator a, String header, String address) {
    return catchThrowableOfType(AuthenticationException.class, () -> a.authenticate(header, address));
  }

  @Test void theSchemePicksTheAuthenticator() throws Exception {
    assertThat(both.authenticate("Basic good", "10.0.0.1")).isEqualTo(ALICE);
    assertThat(both.authenticate("bearer good", "10.0.0.1")).isEqualTo(SERVICE);
    assertThat(both.authenticate("  BEARER good ", "10.0.0.1")).isEqualTo(SERVICE);
  }

  @Test void aMissingHeaderGetsAChallengeListingTheSchemes() {
    AuthenticationException e = refusal(both, null, "10.0.0.1");
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.wwwAuthenticate()).contains("Basic realm=\"junction\", charset=\"UTF-8\", Bearer realm=\"junction\"");
    assertThat(e.getMessage()).contains("authentication required").contains("Basic").contains("bearer token");
  }

  @Test void aFailureCarriesTheChallengeAndTheReason() {
    AuthenticationException e = refusal(both, "Bearer bad", "10.0.0.1");
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.wwwAuthenticate()).contains(both.challenge());
    assertThat(e.getMessage()).isEqualTo("the bearer token expired");
  }

  @Test void anUnconfiguredSchemeIsNamedButATokenIsNeverEchoed() {
    Authenticator basicOnly = new Authenticator(true, basic, null, new LoginThrottle(ThrottleConfig.DEFAULT, clock));
    assertThat(basicOnly.challenge()).isEqualTo("Basic realm=\"junction\", charset=\"UTF-8\"");
    assertThat(refusal(basicOnly, "Bearer good", "a").getMessage())
        .contains("does not accept 'Bearer'").contains("user and password");
    String bare = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln";
    assertThat(refusal(basicOnly, bare, "a").getMessage()).doesNotContain(bare).contains("this kind of");
  }

  @Test void repeatedFailuresAreThrottledWithoutCheckingCredentials() {
    refusal(both, "Basic bad", "10.0.0.1");
    refusal(both, "Basic bad", "10.0.0.1");
    AuthenticationException e = refusal(both, "Basic good", "10.0.0.1");
    assertThat(e.status()).isEqualTo(429);
    assertThat(e.retryAfterSeconds()).hasValue(10);
    assertThat(e.wwwAuthenticate()).isEmpty();
    assertThat(e.getMessage()).contains("too many failed logins").contains("try again in 10 s");
    assertThat(basicChecks).as("a throttled attempt is not checked").hasValue(2);
    assertThat(refusal(both, "Basic bad", "10.0.0.2").status()).as("per address").isEqualTo(401);

    clock.advance(Duration.ofMillis(9_500));
    assertThat(refusal(both, "Basic good", "10.0.0.1").retryAfterSeconds()).as("rounded up").hasValue(1);
    clock.advance(Duration.ofMillis(500));
    assertThat(catchThrowableOfType(AuthenticationException.class, () -> both.authenticate("Basic good", "10.0.0.1")))
        .isNull();
  }

  @Test void missingHeadersAndServerTroubleDoNotCountAsFailures() {
    for (int i = 0; i < 5; i++) {
      assertThat(refusal(both, null, "10.0.0.1").status()).isEqualTo(401);
      AuthenticationException down = refusal(both, "Bearer down", "10.0.0.1");
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.wwwAuthenticate()).isEmpty();
    }
    assertThat(refusal(both, "Basic bad", "10.0.0.1").status()).isEqualTo(401);
  }

  @Test void modeNoneLetsEveryoneInAsAnonymous() throws Exception {
    Authenticator none = Authenticator.create(new AuthConfig(AuthConfig.Mode.NONE, Optional.empty(), Optional.empty(),
        ThrottleConfig.DEFAULT));
    assertThat(none.required()).isFalse();
    assertThat(none.authenticate(null, "10.0.0.1")).isEqualTo(Authenticator.ANONYMOUS);
    assertThat(Authenticator.ANONYMOUS.user()).isEqualTo("anonymous");
    assertThat(Authenticator.ANONYMOUS.groups()).isEmpty();
  }

  @Test void createWiresTheUsersFile() throws Exception {
    Path users = dir.resolve("users.yaml");
    Files.writeString(users, "users:\n  alice:\n    password: \"" + PasswordHash.hash("pw".toCharArray(), 1_000)
        + "\"\n    groups: [analysts]\n");
    Authenticator a = Authenticator.create(new AuthConfig(AuthConfig.Mode.REQUIRED, Optional.of(users),
        Optional.empty(), ThrottleConfig.DEFAULT));
    assertThat(a.required()).isTrue();
    assertThat(a.authenticate("Basic " + BasicAuthenticatorTest.basic("alice", "pw"), "10.0.0.1")).isEqualTo(ALICE);
    assertThat(refusal(a, "Basic " + BasicAuthenticatorTest.basic("alice", "pw2"), "10.0.0.1").getMessage())
        .contains("unknown user or wrong password");
  }
}
