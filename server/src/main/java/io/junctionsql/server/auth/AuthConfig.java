package io.junctionsql.server.auth;

import io.junctionsql.planner.config.ConfigException;
import io.junctionsql.planner.config.ConfigNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code server.auth} section: whether authentication is on, which schemes the server accepts and
 * how hard it throttles failed logins.
 *
 * @param mode {@link Mode#REQUIRED} (the default) or {@link Mode#NONE}
 * @param usersFile the users file for Basic authentication, absolute; empty when Basic is off
 * @param jwt the bearer token settings; empty when bearer tokens are off
 * @param throttle the failed-login throttle
 */
public record AuthConfig(Mode mode, Optional<Path> usersFile, Optional<JwtConfig> jwt, ThrottleConfig throttle) {
  /** Whether callers must authenticate. */
  public enum Mode { REQUIRED, NONE }

  public AuthConfig {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(usersFile, "usersFile");
    Objects.requireNonNull(jwt, "jwt");
    Objects.requireNonNull(throttle, "throttle");
  }

  /**
   * Reads {@code server.auth}.
   *
   * @param authNode the {@code auth} mapping (empty when absent)
   * @param baseDir the config file's folder, where a relative {@code users_file} starts
   */
  public static AuthConfig parse(ConfigNode authNode, Path baseDir) {
    authNode.allowOnly(List.of("mode", "basic", "jwt", "throttle"), "server.auth");
    Mode mode = Mode.valueOf(authNode.choice("mode", "required", List.of("required", "none")).toUpperCase(Locale.ROOT));
    Optional<Path> usersFile = Optional.empty();
    if (authNode.has("basic")) {
      ConfigNode basic = authNode.child("basic");
      basic.allowOnly(List.of("users_file"), "Basic authentication");
      usersFile = Optional.of(baseDir.resolve(basic.requiredString("users_file")).toAbsolutePath().normalize());
    }
    Optional<JwtConfig> jwt = authNode.has("jwt") ? Optional.of(JwtConfig.parse(authNode.child("jwt")))
        : Optional.empty();
    if (mode == Mode.REQUIRED && usersFile.isEmpty() && jwt.isEmpty()) {
      throw new ConfigException(authNode.path() + ": authentication is required but no way to authenticate is "
          + "configured. Add 'basic:' with a users_file, or 'jwt:' with an issuer and audience, or both; "
          + "or set 'mode: none' to let anyone in (only behind another gateway that authenticates).");
    }
    return new AuthConfig(mode, usersFile, jwt, ThrottleConfig.parse(authNode.child("throttle")));
  }

  /** Whether Basic authentication is configured. */
  public boolean basic() {
    return usersFile.isPresent();
  }
}
