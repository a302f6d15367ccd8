package io.junctionsql.planner.security;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The user a connection runs for and the groups it belongs to. The server fills it from what it
 * authenticated (a users file or a JWT); the embedded driver from its {@code user} property, which is
 * trusted because an embedded caller holds the config and its credentials anyway.
 */
public record Identity(String user, Set<String> groups) {
  /** The identity of an embedded connection that names no user. */
  public static final Identity EMBEDDED = new Identity("embedded", Set.of());

  public Identity {
    Objects.requireNonNull(user, "user");
    groups = Set.copyOf(groups);
  }

  public boolean inGroup(String group) {
    return groups.contains(group);
  }

  @Override public String toString() {
    return user + (groups.isEmpty() ? "" : " " + new TreeSet<>(groups));
  }
}
