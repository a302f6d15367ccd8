package io.junctionsql.server.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Passwords recently found to match. Avatica clients send the Authorization header with every request
 * and PBKDF2 costs a good part of a second, so a connection would crawl without it. Only successes are
 * kept, under an HMAC of the password with a key that lives only in this process (the cache holds no
 * password and nothing a dump could be guessed against offline without the key), and each entry is bound
 * to the hash it was checked against: a changed password in the users file misses at once.
 */
final class VerificationCache {
  private record Entry(String passwordHash, Instant expires) {
  }

  private final Clock clock;
  private final Duration ttl;
  private final Map<String, Entry> entries;
  private final SecretKeySpec key;

  VerificationCache(Clock clock, Duration ttl, int maxEntries) {
    this.clock = clock;
    this.ttl = ttl;
    // Access order: the least recently used entry goes first when the cache is full.
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > maxEntries;
      }
    };
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    this.key = new SecretKeySpec(k, "HmacSHA256");
  }

  /** Whether this password was found to match {@code passwordHash} less than the time to live ago. */
  boolean matches(String user, char[] password, String passwordHash) {
    String k = key(user, password);
    synchronized (entries) {
      Entry e = entries.get(k);
      if (e == null) {
        return false;
      }
      if (!e.passwordHash.equals(passwordHash) || !clock.instant().isBefore(e.expires)) {
        entries.remove(k);
        return false;
      }
      return true;
    }
  }

  /** Records that the password matched {@code passwordHash}. */
  void remember(String user, char[] password, String passwordHash) {
    String k = key(user, password);
    synchronized (entries) {
      entries.put(k, new Entry(passwordHash, clock.instant().plus(ttl)));
    }
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  private String key(String user, char[] password) {
    ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(bytes);
      return user + '\0' + Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", e);
    } finally {
      if (bytes.hasArray()) {
        Arrays.fill(bytes.array(), (byte) 0);
      }
    }
  }
}
