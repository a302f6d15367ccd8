package io.junctionsql.server.auth;

import io.junctionsql.planner.security.Identity;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * HTTP Basic authentication ({@code base64(user:password)}, RFC 7617) against the users file. Neither the
 * password nor the decoded credentials appear in any message.
 */
public final class BasicAuthenticator {
  /** Checks a password against a stored hash; replaceable so that tests can count the expensive checks. */
  @FunctionalInterface
  public interface Verifier {
    boolean matches(char[] password, String passwordHash);
  }

  static final Duration CACHE_TTL = Duration.ofMinutes(5);
  static final int CACHE_SIZE = 10_000;

  static final String WRONG = "unknown user or wrong password; check both (passwords are case-sensitive), "
      + "or ask the administrator to set a new password with 'junction passwd'";
  private static final String MALFORMED = "the Basic authorization header is malformed; send 'Basic ' followed by "
      + "the base64 of user:password in UTF-8";

  private final Supplier<UsersFile> users;
  private final Verifier verifier;
  private final VerificationCache cache;
  private final String decoy = PasswordHash.decoy();

  public BasicAuthenticator(Supplier<UsersFile> users) {
    this(users, PasswordHash::verify, Clock.systemUTC());
  }

  public BasicAuthenticator(Supplier<UsersFile> users, Verifier verifier, Clock clock) {
    this.users = users;
    this.verifier = verifier;
    this.cache = new VerificationCache(clock, CACHE_TTL, CACHE_SIZE);
  }

  /**
   * @param credentials what follows {@code Basic } in the Authorization header
   * @throws AuthenticationException (401) when malformed, the user is unknown or the password is wrong
   */
  public Identity authenticate(String credentials) throws AuthenticationException {
    char[] decoded = decode(credentials);
    try {
      int colon = indexOf(decoded, ':');
      if (colon <= 0) {
        throw AuthenticationException.rejected(MALFORMED);
      }
      String name = new String(decoded, 0, colon);
      char[] password = Arrays.copyOfRange(decoded, colon + 1, decoded.length);
      try {
        return check(name, password);
      } finally {
        Arrays.fill(password, '\0');
      }
    } finally {
      Arrays.fill(decoded, '\0');
    }
  }

  private Identity check(String name, char[] password) throws AuthenticationException {
    Optional<UsersFile.User> user = users.get().user(name);
    if (user.isEmpty()) {
      // Spend the same time as for a known user, so that timing does not tell which users exist.
      verifier.matches(password, decoy);
      throw AuthenticationException.rejected(WRONG);
    }
    String hash = user.get().passwordHash();
    if (!cache.matches(name, password, hash)) {
      if (!verifier.matches(password, hash)) {
        throw AuthenticationException.rejected(WRONG);
      }
      cache.remember(name, password, hash);
    }
    return new Identity(name, user.get().groups());
  }

  private static char[] decode(String credentials) throws AuthenticationException {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(credentials.trim());
    } catch (IllegalArgumentException e) {
      throw AuthenticationException.rejected(MALFORMED);
    }
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      char[] out = new char[chars.remaining()];
      chars.get(out);
      if (chars.hasArray()) {
        Arrays.fill(chars.array(), '\0');
      }
      return out;
    } catch (CharacterCodingException e) {
      throw AuthenticationException.rejected(MALFORMED);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static int indexOf(char[] chars, char c) {
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] == c) {
        return i;
      }
    }
    return -1;
  }
}
