package io.junctionsql.server.auth;

import io.junctionsql.planner.JunctionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The current users file: re-read when it changes on disk, so that adding a user or changing a password
 * needs no restart. A broken edit keeps the last good version in force (and says so in the log) rather
 * than locking every user out.
 */
public final class ReloadingUsersFile implements Supplier<UsersFile> {
  private static final Logger LOG = LoggerFactory.getLogger(ReloadingUsersFile.class);
  /** Every request asks; looking at the file once in a while is enough. */
  private static final Duration CHECK_INTERVAL = Duration.ofSeconds(2);

  private final Path file;
  private final Clock clock;
  private UsersFile current;
  private Object version;
  private Instant nextCheck;

  /** Reads the file now; a missing or broken file fails here, at start. */
  public ReloadingUsersFile(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
    this.version = version();
    this.current = UsersFile.load(file);
    this.nextCheck = clock.instant().plus(CHECK_INTERVAL);
  }

  @Override public synchronized UsersFile get() {
    Instant now = clock.instant();
    if (now.isBefore(nextCheck)) {
      return current;
    }
    nextCheck = now.plus(CHECK_INTERVAL);
    Object v = version();
    if (v != null && !v.equals(version)) {
      try {
        current = UsersFile.load(file);
        LOG.info("users file {} re-read: {} users", file, current.size());
      } catch (JunctionException e) {
        LOG.warn("users file {} changed but cannot be used, keeping the previous version: {}", file, e.getMessage());
      }
      version = v;
    }
    return current;
  }

  /** Modification time and size; null when the file cannot be looked at right now (mid-replace). */
  private Object version() {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return a.lastModifiedTime().toMillis() + ":" + a.size() + ":" + a.fileKey();
    } catch (IOException e) {
      return null;
    }
  }
}
