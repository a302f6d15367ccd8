package io.junctionsql.planner.config;

import java.util.Objects;

/**
 * A credential read from the config. Its {@link #toString()} never shows the value, so a secret that
 * slips into a log line or an exception message by accident still stays hidden.
 */
public final class Secret {
  private static final Secret EMPTY = new Secret("");

  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static Secret of(String value) {
    return value == null || value.isEmpty() ? EMPTY : new Secret(value);
  }

  public static Secret empty() {
    return EMPTY;
  }

  /** The plain value; call only where it is handed to a driver. */
  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override public String toString() {
    return value.isEmpty() ? "" : "****";
  }

  @Override public boolean equals(Object o) {
    return o instanceof Secret && ((Secret) o).value.equals(value);
  }

  @Override public int hashCode() {
    return value.hashCode();
  }
}
