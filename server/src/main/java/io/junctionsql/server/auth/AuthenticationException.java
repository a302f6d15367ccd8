package io.junctionsql.server.auth;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A caller was not let in. Carries what the HTTP answer needs: the status (401, 429 when throttled, 503
 * when the token issuer's keys cannot be fetched), the {@code WWW-Authenticate} value for a 401, the
 * {@code Retry-After} seconds for a 429, and a message for the user that says what failed and what to do.
 * The message never contains a password or a token and never tells whether a user exists.
 */
public final class AuthenticationException extends Exception {
  private static final long serialVersionUID = 1L;

  public static final int UNAUTHORIZED = 401;
  public static final int TOO_MANY_REQUESTS = 429;
  public static final int SERVICE_UNAVAILABLE = 503;

  private final int status;
  private final String challenge;
  private final long retryAfterSeconds;

  private AuthenticationException(int status, String message, String challenge, long retryAfterSeconds,
      Throwable cause) {
    super(message, cause);
    this.status = status;
    this.challenge = challenge;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The credentials were missing or wrong (401); the facade adds the challenge. */
  static AuthenticationException rejected(String message) {
    return new AuthenticationException(UNAUTHORIZED, message, null, -1, null);
  }

  /** Too many failures from the caller's address (429). */
  static AuthenticationException throttled(String message, long retryAfterSeconds) {
    return new AuthenticationException(TOO_MANY_REQUESTS, message, null, retryAfterSeconds, null);
  }

  /** The server cannot check the credentials right now (503); the caller did nothing wrong. */
  static AuthenticationException unavailable(String message, Throwable cause) {
    return new AuthenticationException(SERVICE_UNAVAILABLE, message, null, -1, cause);
  }

  /** The same refusal with the {@code WWW-Authenticate} value that lists the schemes the server accepts. */
  AuthenticationException withChallenge(String wwwAuthenticate) {
    return new AuthenticationException(status, getMessage(), wwwAuthenticate, retryAfterSeconds, getCause());
  }

  /** The HTTP status to answer with. */
  public int status() {
    return status;
  }

  /** The {@code WWW-Authenticate} header value, for a 401. */
  public Optional<String> wwwAuthenticate() {
    return Optional.ofNullable(challenge);
  }

  /** The {@code Retry-After} header value in seconds, for a 429. */
  public OptionalLong retryAfterSeconds() {
    return retryAfterSeconds < 0 ? OptionalLong.empty() : OptionalLong.of(retryAfterSeconds);
  }
}
