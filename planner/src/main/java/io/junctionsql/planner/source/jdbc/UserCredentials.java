package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.JunctionException;
import io.junctionsql.planner.SqlStates;
import io.junctionsql.planner.config.ConfigException;
import io.junctionsql.planner.config.ConfigNode;
import io.junctionsql.planner.config.Secret;
import io.junctionsql.planner.security.Identity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which database login each authenticated user reads a source with ({@code user-credentials}), so that
 * the database's own permissions and audit apply to the person rather than to Junction's service login.
 * A user's own entry wins over its groups; among groups the first one in the file wins, so that the
 * order the config was written in decides, not the order a token listed the groups in.
 *
 * @param users logins by exact user name, in file order
 * @param groups logins by group name, in file order
 * @param required whether a user without a mapping is refused rather than given the service login
 * @param sourcePath the source's key path ({@code sources.sap}), for messages
 */
public record UserCredentials(Map<String, SourceLogin> users, Map<String, SourceLogin> groups, boolean required,
    String sourcePath) {
  static final String KEY = "user-credentials";
  static final String REQUIRED_KEY = "user-credentials-required";
  static final String GROUP_PREFIX = "group:";
  private static final List<String> LOGIN_KEYS = List.of("user", "password");

  /** No mapping: every user reads with the service login (the Datasphere and Databricks kinds). */
  public static final UserCredentials NONE = new UserCredentials(Map.of(), Map.of(), false, "");

  public UserCredentials {
    // Unmodifiable views rather than Map.copyOf, which would lose the file order that decides between groups.
    users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
    groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
  }

  static UserCredentials parse(ConfigNode source) {
    Map<String, SourceLogin> users = new LinkedHashMap<>();
    Map<String, SourceLogin> groups = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigNode> e : source.child(KEY).children().entrySet()) {
      ConfigNode entry = e.getValue();
      entry.allowOnly(LOGIN_KEYS, "a user credential");
      SourceLogin login = new SourceLogin(entry.requiredString("user"), entry.secret("password"), entry.path());
      if (e.getKey().startsWith(GROUP_PREFIX)) {
        String group = e.getKey().substring(GROUP_PREFIX.length());
        if (group.isBlank()) {
          throw new ConfigException(entry.path() + ": names no group. Write \"group:NAME\" (quoted) for the members "
              + "of group NAME, or a user name.");
        }
        groups.put(group, login);
      } else {
        users.put(e.getKey(), login);
      }
    }
    boolean required = source.booleanValue(REQUIRED_KEY, false);
    if (required && users.isEmpty() && groups.isEmpty()) {
      // Every query would be refused: surely a mapping that went missing, not an intent.
      throw new ConfigException(source.pathOf(REQUIRED_KEY) + ": true, but " + source.pathOf(KEY)
          + " maps no user or group, so every query would be refused. Add mappings under " + source.pathOf(KEY)
          + ", or remove " + REQUIRED_KEY + ".");
    }
    return new UserCredentials(users, groups, required, source.path());
  }

  /** The login mapped to {@code identity}; empty if it has none (and it then reads with the service login). */
  public Optional<SourceLogin> loginFor(Identity identity) {
    SourceLogin own = users.get(identity.user());
    if (own != null) {
      return Optional.of(own);
    }
    return groups.entrySet().stream().filter(g -> identity.inGroup(g.getKey())).map(Map.Entry::getValue).findFirst();
  }

  /** Why {@code identity} may not read {@code source}: it has no mapping and one is required. */
  JunctionException refusal(String source, Identity identity) {
    return new JunctionException(SqlStates.INVALID_AUTHORIZATION, "User '" + identity.user()
        + "' has no login for source '" + source + "': " + sourcePath + "." + KEY + " maps neither the user nor "
        + "any of its groups, and " + sourcePath + "." + REQUIRED_KEY + " is true. Add the user or one of its groups "
        + "under " + sourcePath + "." + KEY + ".");
  }

  /** The mapped passwords, so that the redactor scrubs them too. */
  List<Secret> secrets() {
    List<Secret> out = new ArrayList<>();
    users.values().forEach(l -> out.add(l.password()));
    groups.values().forEach(l -> out.add(l.password()));
    return out;
  }
}
