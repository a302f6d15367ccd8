package io.junctionsql.planner.source;

import io.junctionsql.planner.runtime.QueryLog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one Junction connection hands its sources: where to record the statements they send, and
 * what is pinned for the statement that runs now (such as the snapshot of each Delta table, so that
 * one statement reads one version of a table however often it names it).
 */
public final class SourceSession {
  private final QueryLog log;
  private final Map<String, Object> pinned = new HashMap<>();
  private final List<String> warnings = new ArrayList<>();

  public SourceSession(QueryLog log) {
    this.log = log;
  }

  public QueryLog log() {
    return log;
  }

  /** A new statement starts: nothing stays pinned from the last one. */
  public synchronized void beginStatement() {
    pinned.clear();
    warnings.clear();
  }

  /** Something the running statement's user should know, reported as an SQLWarning. */
  public synchronized void warn(String message) {
    if (!warnings.contains(message)) {
      warnings.add(message);
    }
  }

  /** The warnings of the running (or last) statement. */
  public synchronized List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** The value pinned under {@code key} for this statement, computed on first use. */
  @SuppressWarnings("unchecked")
  public synchronized <T> T pin(String key, Supplier<T> compute) {
    Object v = pinned.get(key);
    if (v == null) {
      v = compute.get();
      pinned.put(key, v);
    }
    return (T) v;
  }
}
