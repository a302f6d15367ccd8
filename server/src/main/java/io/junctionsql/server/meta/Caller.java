package io.junctionsql.server.meta;

import io.junctionsql.planner.security.Identity;

/**
 * Who sent the request being handled: set by the HTTP layer around each Avatica call, which Avatica
 * runs on the request's own thread.
 *
 * @param identity what authentication established
 * @param address the client's address, for the audit log
 * @param requestId an id for this request, in every log line it causes
 */
public record Caller(Identity identity, String address, String requestId) {
  private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

  /** The caller of the request on this thread; a request without one is a bug, never a default user. */
  public static Caller current() {
    Caller caller = CURRENT.get();
    if (caller == null) {
      throw new IllegalStateException("No authenticated caller on this thread");
    }
    return caller;
  }

  /** Runs {@code body} as this caller. */
  public <T> T run(java.util.function.Supplier<T> body) {
    Caller previous = CURRENT.get();
    CURRENT.set(this);
    try {
      return body.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }
}
