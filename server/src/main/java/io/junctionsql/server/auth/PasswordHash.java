package io.junctionsql.server.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes in the users file: {@code pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>}.
 * PBKDF2 is in every JDK, so the server needs no extra crypto library; the iteration count is stored with
 * each hash so that it can be raised later without invalidating existing entries.
 */
public final class PasswordHash {
  /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
  public static final int DEFAULT_ITERATIONS = 310_000;

  private static final String PREFIX = "pbkdf2-sha256";
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final int MAX_ITERATIONS = 100_000_000;
  private static final Pattern FORMAT =
      Pattern.compile(Pattern.quote(PREFIX) + "\\$(\\d{1,9})\\$([A-Za-z0-9+/]+={0,2})\\$([A-Za-z0-9+/]+={0,2})");
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHash() {
  }

  /** A new hash of the password with a random salt and the default iteration count. */
  public static String hash(char[] password) {
    return hash(password, DEFAULT_ITERATIONS);
  }

  /** A new hash with the given iteration count (tests use few; production keeps the default). */
  public static String hash(char[] password, int iterations) {
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException("iterations must be from 1 to " + MAX_ITERATIONS);
    }
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder();
    return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
        + b64.encodeToString(derive(password, salt, iterations, HASH_BYTES));
  }

  /**
   * A well-formed hash that no password matches, costing as much to check as a real one: checking
   * against it for an unknown user keeps the answer time from telling which users exist.
   */
  public static String decoy() {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder();
    return PREFIX + "$" + DEFAULT_ITERATIONS + "$" + b64.encodeToString(salt) + "$"
        + b64.encodeToString(new byte[HASH_BYTES]);
  }

  /** Whether the text is a hash in this format, so that plain-text passwords can be refused on load. */
  public static boolean isHash(String encoded) {
    return encoded != null && parse(encoded) != null;
  }

  /** Whether the password matches the hash; false for a malformed hash. Compares in constant time. */
  public static boolean verify(char[] password, String encoded) {
    Parsed p = encoded == null ? null : parse(encoded);
    if (p == null) {
      return false;
    }
    byte[] actual = derive(password, p.salt, p.iterations, p.hash.length);
    return MessageDigest.isEqual(actual, p.hash);
  }

  private static Parsed parse(String encoded) {
    Matcher m = FORMAT.matcher(encoded);
    if (!m.matches()) {
      return null;
    }
    int iterations = Integer.parseInt(m.group(1));
    try {
      byte[] salt = Base64.getDecoder().decode(m.group(2));
      byte[] hash = Base64.getDecoder().decode(m.group(3));
      if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length == 0 || hash.length < 16) {
        return null;
      }
      return new Parsed(iterations, salt, hash);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      // Every Java 17 runtime ships PBKDF2WithHmacSHA256; reaching this is a broken JDK.
      throw new IllegalStateException(ALGORITHM + " is not available in this Java runtime", e);
    } finally {
      spec.clearPassword();
    }
  }

  private record Parsed(int iterations, byte[] salt, byte[] hash) {
  }
}
