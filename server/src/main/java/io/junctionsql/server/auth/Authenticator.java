package io.junctionsql.server.auth;

import io.junctionsql.planner.security.Identity;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The server's one entry point for authentication: from the Authorization header and the client address
 * to an {@link Identity}, picking Basic or Bearer by the header's scheme and throttling addresses that
 * keep failing. Free of HTTP server types, so that any front end can call it.
 */
public final class Authenticator {
  /** Who a connection runs for when authentication is off. */
  public static final Identity ANONYMOUS = new Identity("anonymous", Set.of());

  private static final String REALM = "junction";
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,19}");

  /** One authentication scheme: its credentials (what follows the scheme name) to an identity. */
  @FunctionalInterface
  interface Scheme {
    Identity authenticate(String credentials) throws AuthenticationException;
  }

  private final boolean required;
  private final Scheme basic;
  private final Scheme jwt;
  private final LoginThrottle throttle;
  private final String challenge;

  /**
   * @param basic null when Basic authentication is off
   * @param jwt null when bearer tokens are off
   */
  Authenticator(boolean required, Scheme basic, Scheme jwt, LoginThrottle throttle) {
    this.required = required;
    this.basic = basic;
    this.jwt = jwt;
    this.throttle = throttle;
    List<String> schemes = new ArrayList<>();
    if (basic != null) {
      schemes.add("Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
    }
    if (jwt != null) {
      schemes.add("Bearer realm=\"" + REALM + "\"");
    }
    this.challenge = String.join(", ", schemes);
  }

  /** Builds what the config describes; reads the users file now, so that a broken one stops the start. */
  public static Authenticator create(AuthConfig config) {
    Clock clock = Clock.systemUTC();
    if (config.mode() == AuthConfig.Mode.NONE) {
      return new Authenticator(false, null, null, new LoginThrottle(config.throttle(), clock));
    }
    Scheme basic = config.usersFile()
        .map(f -> (Scheme) new BasicAuthenticator(new ReloadingUsersFile(f, clock))::authenticate).orElse(null);
    Scheme jwt = config.jwt().map(j -> (Scheme) new JwtAuthenticator(j)::authenticate).orElse(null);
    return new Authenticator(true, basic, jwt, new LoginThrottle(config.throttle(), clock));
  }

  /** Whether callers must authenticate (false: everyone is {@link #ANONYMOUS}; the server should warn). */
  public boolean required() {
    return required;
  }

  /** The {@code WWW-Authenticate} value listing the schemes the server accepts; empty when none are. */
  public String challenge() {
    return challenge;
  }

  /**
   * @param authorizationHeader the Authorization header's value, null when the request has none
   * @param clientAddress the caller's address, as the server sees it (the throttle counts per address)
   * @throws AuthenticationException when the caller is not let in; its status and headers say how to answer
   */
  public Identity authenticate(String authorizationHeader, String clientAddress) throws AuthenticationException {
    if (!required) {
      return ANONYMOUS;
    }
    String address = clientAddress == null ? "" : clientAddress;
    Optional<Duration> wait = throttle.refusal(address);
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      throw AuthenticationException.throttled("too many failed logins from " + address + "; try again in "
          + seconds + " s", seconds);
    }
    if (authorizationHeader == null || authorizationHeader.isBlank()) {
      throw AuthenticationException.rejected("authentication required: " + howTo()).withChallenge(challenge);
    }
    String header = authorizationHeader.trim();
    int space = header.indexOf(' ');
    String scheme = space < 0 ? header : header.substring(0, space);
    Scheme check = "basic".equalsIgnoreCase(scheme) ? basic : "bearer".equalsIgnoreCase(scheme) ? jwt : null;
    if (check == null) {
      // Not a guess at a secret, so it does not count against the address. The scheme is echoed only
      // when it looks like one: a bare token sent without a scheme must not come back in the message.
      throw AuthenticationException.rejected("this server does not accept "
          + (SCHEME.matcher(scheme).matches() ? "'" + scheme + "'" : "this kind of") + " authentication: " + howTo())
          .withChallenge(challenge);
    }
    try {
      Identity identity = check.authenticate(space < 0 ? "" : header.substring(space + 1));
      throttle.success(address);
      return identity;
    } catch (AuthenticationException e) {
      if (e.status() != AuthenticationException.UNAUTHORIZED) {
        throw e;
      }
      throttle.failure(address);
      throw e.withChallenge(challenge);
    }
  }

  private String howTo() {
    if (basic != null && jwt != null) {
      return "send a user and password (Basic) or a bearer token";
    }
    return basic != null ? "send a user and password (Basic authentication)" : "send a bearer token";
  }
}
