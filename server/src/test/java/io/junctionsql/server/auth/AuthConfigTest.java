package io.junctionsql.server.auth;

import io.junctionsql.planner.config.ConfigException;
import io.junctionsql.planner.config.ConfigLoader;
import io.junctionsql.planner.config.ConfigNode;
import io.junctionsql.planner.source.SourceKinds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthConfigTest {
  @TempDir Path dir;

  /** The {@code server.auth} node of a gateway config with the given lines under {@code auth:}. */
  private ConfigNode auth(String authYaml) {
    String yaml = "sources:\n  pg:\n    kind: jdbc\n    url: jdbc:postgresql://h:5432/db\n"
        + "server:\n  auth:\n" + authYaml.indent(4);
    return new ConfigLoader(SourceKinds.parsers(), Map.of("ISSUER", "https://login.example.com/oauth2"))
        .parse(dir.resolve("junction.yaml"), yaml, dir).server().child("auth");
  }

  private AuthConfig parse(String authYaml) {
    return AuthConfig.parse(auth(authYaml), dir);
  }

  @Test void basicWithDefaults() {
    AuthConfig c = parse("basic:\n  users_file: conf/users.yaml\n");
    assertThat(c.mode()).isEqualTo(AuthConfig.Mode.REQUIRED);
    assertThat(c.basic()).isTrue();
    assertThat(c.usersFile()).contains(dir.resolve("conf/users.yaml").toAbsolutePath());
    assertThat(c.jwt()).isEmpty();
    assertThat(c.throttle()).isEqualTo(ThrottleConfig.DEFAULT);
    assertThat(c.throttle().maxFailures()).isEqualTo(5);
    assertThat(c.throttle().window()).isEqualTo(Duration.ofMinutes(1));
    assertThat(c.throttle().maxDelay()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test void jwtWithEverySetting() {
    AuthConfig c = parse("jwt:\n  issuer: ${env:ISSUER}\n  audience: junction\n  jwks_url: https://login.example.com/keys\n"
        + "  user_claim: user_name\n  groups_claim: xs.system.attributes.xs.rolecollections\n  clock_skew: 30s\n"
        + "throttle:\n  max_failures: 10\n  window: 2m\n  initial_delay: 2s\n  max_delay: 1h\n");
    JwtConfig j = c.jwt().orElseThrow();
    assertThat(j.issuer()).isEqualTo("https://login.example.com/oauth2");
    assertThat(j.audience()).isEqualTo("junction");
    assertThat(j.jwksUrl()).contains(URI.create("https://login.example.com/keys"));
    assertThat(j.userClaim()).isEqualTo("user_name");
    assertThat(j.groupsClaim()).isEqualTo("xs.system.attributes.xs.rolecollections");
    assertThat(j.clockSkew()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.basic()).isFalse();
    assertThat(c.throttle()).isEqualTo(new ThrottleConfig(10, Duration.ofMinutes(2), Duration.ofSeconds(2),
        Duration.ofHours(1)));
  }

  @Test void jwtDefaults() {
    JwtConfig j = parse("jwt:\n  issuer: https://login.example.com\n  audience: junction\n").jwt().orElseThrow();
    assertThat(j.jwksUrl()).isEmpty();
    assertThat(j.userClaim()).isEqualTo("sub");
    assertThat(j.groupsClaim()).isEqualTo("groups");
    assertThat(j.clockSkew()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test void requiredWithoutAnySchemeIsRefused() {
    assertThatThrownBy(() -> parse("mode: required\n")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("server.auth").hasMessageContaining("basic:").hasMessageContaining("jwt:")
        .hasMessageContaining("mode: none");
    assertThatThrownBy(() -> AuthConfig.parse(auth("throttle:\n  window: 1m\n"), dir))
        .isInstanceOf(ConfigException.class).hasMessageContaining("no way to authenticate");
  }

  @Test void modeNoneNeedsNoScheme() {
    assertThat(parse("mode: none\n").mode()).isEqualTo(AuthConfig.Mode.NONE);
  }

  @Test void mistakesAreNamedByKeyPath() {
    assertThatThrownBy(() -> parse("mode: optional\n")).hasMessageContaining("server.auth.mode");
    assertThatThrownBy(() -> parse("jwt:\n  issuer: https://x\n")).hasMessageContaining("server.auth.jwt.audience: missing");
    assertThatThrownBy(() -> parse("jwt:\n  issuer: login.example.com\n  audience: j\n"))
        .hasMessageContaining("server.auth.jwt.issuer").hasMessageContaining("not an http(s) address");
    assertThatThrownBy(() -> parse("basic:\n  users: users.yaml\n"))
        .hasMessageContaining("server.auth.basic.users").hasMessageContaining("users_file");
    assertThatThrownBy(() -> parse("basic: {}\n")).hasMessageContaining("server.auth.basic.users_file: missing");
    assertThatThrownBy(() -> parse("basic:\n  users_file: u.yaml\nthrottle:\n  max_failures: 0\n"))
        .hasMessageContaining("server.auth.throttle.max_failures");
    assertThatThrownBy(() -> parse("basic:\n  users_file: u.yaml\nthrottle:\n  window: 0s\n"))
        .hasMessageContaining("server.auth.throttle.window");
    assertThatThrownBy(() -> parse("jwt:\n  issuer: https://x\n  audience: j\n  clock_skew: 1h\n"))
        .hasMessageContaining("server.auth.jwt.clock_skew");
  }
}
