package io.junctionsql.planner.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mapping of the YAML tree, read with its key path so that every error says where it is
 * ({@code sources.sap.url}) and what to write instead.
 */
public final class ConfigNode {
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private final JsonNode node;
  private final String path;
  private final References references;

  ConfigNode(JsonNode node, String path, References references) {
    this.node = node;
    this.path = path;
    this.references = references;
  }

  /** The key path of this mapping, for messages. */
  public String path() {
    return path;
  }

  /** The key path of one key below this mapping. */
  public String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  public boolean has(String key) {
    JsonNode v = node.get(key);
    return v != null && !v.isNull();
  }

  /** Refuses keys this mapping does not know, suggesting the nearest known one. */
  public void allowOnly(Collection<String> known, String what) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      if (!known.contains(key)) {
        String nearest = Suggestions.nearest(key, known);
        throw new ConfigException(pathOf(key) + ": unknown key for " + what + "."
            + (nearest == null ? "" : " Did you mean '" + nearest + "'?")
            + " Known keys: " + String.join(", ", new TreeSet<>(known)) + ".");
      }
    }
  }

  public String requiredString(String key) {
    return optionalString(key).orElseThrow(() ->
        new ConfigException(pathOf(key) + ": missing. Add '" + key + ":' under " + (path.isEmpty() ? "the top level" : path) + "."));
  }

  public Optional<String> optionalString(String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isValueNode()) {
      throw new ConfigException(pathOf(key) + ": expected a single value, found a " + describe(v) + ".");
    }
    return Optional.of(references.resolve(pathOf(key), v.asText()));
  }

  /** A value that must never be shown: passwords, tokens. Missing means empty. */
  public Secret secret(String key) {
    return optionalString(key).map(Secret::of).orElse(Secret.empty());
  }

  public int intValue(String key, int defaultValue, int min, int max) {
    Optional<String> text = optionalString(key);
    if (text.isEmpty()) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(text.get().trim());
      if (value < min || value > max) {
        throw new ConfigException(pathOf(key) + ": " + value + " is out of range; use a whole number from "
            + min + " to " + max + ".");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new ConfigException(pathOf(key) + ": '" + text.get() + "' is not a whole number.");
    }
  }

  public boolean booleanValue(String key, boolean defaultValue) {
    Optional<String> text = optionalString(key);
    if (text.isEmpty()) {
      return defaultValue;
    }
    switch (text.get().trim().toLowerCase(Locale.ROOT)) {
    case "true":
    case "yes":
      return true;
    case "false":
    case "no":
      return false;
    default:
      throw new ConfigException(pathOf(key) + ": '" + text.get() + "' is not true or false.");
    }
  }

  /** A duration written as {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d} or ISO-8601. */
  public Duration duration(String key, Duration defaultValue) {
    Optional<String> text = optionalString(key);
    if (text.isEmpty()) {
      return defaultValue;
    }
    String t = text.get().trim();
    Matcher m = DURATION.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      switch (m.group(2)) {
      case "ms": return Duration.ofMillis(n);
      case "s": return Duration.ofSeconds(n);
      case "m": return Duration.ofMinutes(n);
      case "h": return Duration.ofHours(n);
      default: return Duration.ofDays(n);
      }
    }
    try {
      return Duration.parse(t);
    } catch (DateTimeParseException e) {
      throw new ConfigException(pathOf(key) + ": '" + t + "' is not a duration; write for example 30s, 10m or 1h.");
    }
  }

  /** A size in bytes written as {@code 512MiB}, {@code 2GiB}, {@code 1g} or a plain number (see {@link ByteSizes}). */
  public long bytes(String key, long defaultValue, long min) {
    Optional<String> text = optionalString(key);
    if (text.isEmpty()) {
      return defaultValue;
    }
    long value = ByteSizes.parse(text.get()).orElseThrow(() -> new ConfigException(pathOf(key) + ": '"
        + text.get().trim() + "' is not a size; write for example 512MiB or 2GiB."));
    if (value < min) {
      throw new ConfigException(pathOf(key) + ": " + ByteSizes.format(value) + " is too small; use at least "
          + ByteSizes.format(min) + ".");
    }
    return value;
  }

  public List<String> stringList(String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new ConfigException(pathOf(key) + ": expected a list such as [a, b], found a " + describe(v) + ".");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      if (!item.isValueNode()) {
        throw new ConfigException(pathOf(key) + "[" + i + "]: expected a single value, found a " + describe(item) + ".");
      }
      out.add(references.resolve(pathOf(key) + "[" + i + "]", item.asText()));
    }
    return out;
  }

  /** Paths given as a single value or a list; relative ones start at the config file's folder. */
  public List<java.nio.file.Path> paths(String key) {
    List<String> values = node.get(key) != null && node.get(key).isArray() ? stringList(key)
        : optionalString(key).map(List::of).orElse(List.of());
    List<java.nio.file.Path> out = new ArrayList<>();
    for (String v : values) {
      out.add(references.baseDirectory().resolve(v).normalize());
    }
    return out;
  }

  /** One of a fixed set of words, in lower case. */
  public String choice(String key, String defaultValue, List<String> allowed) {
    JsonNode raw = node.get(key);
    if (raw != null && raw.isBoolean() && allowed.contains(raw.asBoolean() ? "on" : "off")) {
      // YAML reads an unquoted off/on (and no/yes) as a boolean.
      return raw.asBoolean() ? "on" : "off";
    }
    String v = optionalString(key).orElse(defaultValue).trim().toLowerCase(Locale.ROOT);
    if (!allowed.contains(v)) {
      throw new ConfigException(pathOf(key) + ": '" + v + "' is not one of " + String.join(", ", allowed) + ".");
    }
    return v;
  }

  /** A mapping below this one; empty if absent. */
  public ConfigNode child(String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return new ConfigNode(JsonNodeFactory.instance.objectNode(), pathOf(key), references);
    }
    if (!v.isObject()) {
      throw new ConfigException(pathOf(key) + ": expected a mapping of keys, found a " + describe(v) + ".");
    }
    return new ConfigNode(v, pathOf(key), references);
  }

  /**
   * The value under {@code key} as it stands, a mapping or a list, for a section whose reader decides its
   * shape (the {@code policies:} list); null if absent.
   */
  public ConfigNode section(String key) {
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? null : new ConfigNode(v, pathOf(key), references);
  }

  /** The items of this node, which must be a list of mappings; each item's path is {@code path[i]}. */
  public List<ConfigNode> items(String what) {
    if (!node.isArray()) {
      throw new ConfigException(path + ": expected a list of " + what + " (each starting with '- '), found a "
          + describe(node) + ".");
    }
    List<ConfigNode> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      String itemPath = path + "[" + i + "]";
      if (!item.isObject()) {
        throw new ConfigException(itemPath + ": expected a mapping of keys, found a " + describe(item) + ".");
      }
      out.add(new ConfigNode(item, itemPath, references));
    }
    return out;
  }

  /** The entries of this mapping, each a mapping itself (for example the sources). */
  public Map<String, ConfigNode> children() {
    Map<String, ConfigNode> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      out.put(e.getKey(), child(e.getKey()));
    }
    return out;
  }

  /** The entries of this mapping as plain strings (for example driver properties). */
  public Map<String, String> stringMap() {
    Map<String, String> out = new LinkedHashMap<>();
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      out.put(key, optionalString(key).orElse(""));
    }
    return out;
  }

  private static String describe(JsonNode v) {
    return v.isArray() ? "list" : v.isObject() ? "mapping" : v.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
