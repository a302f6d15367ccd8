package io.junctionsql.server.auth;

import io.junctionsql.planner.config.ConfigException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The users Basic authentication knows: {@code users: {alice: {password: "pbkdf2-sha256$...", groups: [a]}}}.
 * Only password hashes are accepted; a plain-text password is refused when the file is read, so that a
 * readable copy of the file never gives a password away.
 */
public final class UsersFile {
  private static final Logger LOG = LoggerFactory.getLogger(UsersFile.class);
  private static final YAMLMapper YAML = new YAMLMapper();

  /**
   * One user of the file.
   *
   * @param passwordHash the hash in {@link PasswordHash}'s format
   */
  public record User(String name, String passwordHash, Set<String> groups) {
    public User {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(passwordHash, "passwordHash");
      groups = Set.copyOf(groups);
    }

    /** Without the hash: a hash in a log still helps an offline guesser. */
    @Override public String toString() {
      return "User[" + name + ", groups=" + groups + "]";
    }
  }

  private final Path file;
  private final Map<String, User> users;

  private UsersFile(Path file, Map<String, User> users) {
    this.file = file;
    this.users = Map.copyOf(users);
  }

  /** Reads and checks the file; warns when others than its owner may read it. */
  public static UsersFile load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException("users file " + file + " cannot be read (" + e.getClass().getSimpleName()
          + "). Check server.auth.basic.users_file and that Junction may read the file.");
    }
    warnIfOthersMayRead(file);
    return parse(file, text);
  }

  /** Checks the text of a users file; {@code file} only names it in messages. */
  static UsersFile parse(Path file, String yaml) {
    String where = "users file " + file;
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new ConfigException(where + " is not valid YAML" + at + ": " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !root.path("users").isObject()) {
      throw new ConfigException(where + ": expected a mapping 'users:' of user names, for example\n"
          + "users:\n  alice:\n    password: \"pbkdf2-sha256$...\"   # from junction passwd\n    groups: [analysts]");
    }
    Iterator<String> topKeys = root.fieldNames();
    while (topKeys.hasNext()) {
      String key = topKeys.next();
      if (!"users".equals(key)) {
        throw new ConfigException(where + ": unknown key '" + key + "'; the file holds only 'users:'.");
      }
    }
    Map<String, User> users = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> entries = root.get("users").fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> e = entries.next();
      users.put(e.getKey(), user(where, e.getKey(), e.getValue()));
    }
    return new UsersFile(file, users);
  }

  private static User user(String where, String name, JsonNode node) {
    String at = where + ": user '" + name + "'";
    if (name.isBlank() || name.indexOf(':') >= 0) {
      throw new ConfigException(at + ": a user name must not be blank or contain ':' (Basic authentication "
          + "separates user and password with it).");
    }
    if (!node.isObject()) {
      throw new ConfigException(at + ": expected a mapping with 'password:' and optional 'groups:'.");
    }
    Iterator<String> keys = node.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      if (!"password".equals(key) && !"groups".equals(key)) {
        throw new ConfigException(at + ": unknown key '" + key + "'; a user has 'password:' and 'groups:'.");
      }
    }
    JsonNode password = node.get("password");
    // The message never repeats the value: it may be a real password typed in by mistake.
    if (password == null || !password.isTextual() || !PasswordHash.isHash(password.asText())) {
      throw new ConfigException(at + ": the password is missing or not a pbkdf2-sha256 hash. Plain-text passwords "
          + "are never accepted; run 'junction passwd' and put the line it prints as the password.");
    }
    return new User(name, password.asText(), groups(at, node.get("groups")));
  }

  private static Set<String> groups(String at, JsonNode node) {
    Set<String> groups = new LinkedHashSet<>();
    if (node == null || node.isNull()) {
      return groups;
    }
    if (!node.isArray()) {
      throw new ConfigException(at + ": 'groups' must be a list such as [analysts, finance].");
    }
    for (JsonNode g : node) {
      if (!g.isValueNode() || g.isNull() || g.asText().isBlank()) {
        throw new ConfigException(at + ": every group must be a non-empty name.");
      }
      groups.add(g.asText());
    }
    return groups;
  }

  private static void warnIfOthersMayRead(Path file) {
    try {
      Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
      if (p.contains(PosixFilePermission.OTHERS_READ) || p.contains(PosixFilePermission.GROUP_READ)) {
        LOG.warn("users file {} may be read by other accounts than its owner; its hashes can be guessed offline. "
            + "Run chmod 600 on it.", file);
      }
    } catch (UnsupportedOperationException | IOException e) {
      // Not a POSIX file system (Windows): nothing to check with this API.
    }
  }

  public Path file() {
    return file;
  }

  public Optional<User> user(String name) {
    return Optional.ofNullable(users.get(name));
  }

  public int size() {
    return users.size();
  }
}
