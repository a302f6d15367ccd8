package io.junctionsql.planner.security;

import io.junctionsql.planner.config.ConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A dotted name such as {@code pg.public.*} or {@code pg.public.customer.c_phone}, where {@code *} stands
 * for any run of characters within one part. Parts match regardless of case, as unquoted SQL names do, so
 * that a rule written {@code pg.public.Orders} cannot miss the table a query reaches as {@code orders}.
 */
public final class NamePattern {
  private final String text;
  private final List<Pattern> parts;

  private NamePattern(String text, List<Pattern> parts) {
    this.text = text;
    this.parts = parts;
  }

  /**
   * Reads a pattern of exactly {@code shape}'s parts (such as {@code source.schema.table}).
   *
   * @param path the config key path, for messages
   * @param sources the configured source names: a first part without {@code *} must name one
   */
  public static NamePattern parse(String text, String shape, String path, Set<String> sources) {
    String[] names = text.trim().split("\\.", -1);
    int expected = shape.split("\\.").length;
    if (names.length != expected) {
      throw new ConfigException(path + ": '" + text + "' is not a " + shape + " pattern; write " + expected
          + " names separated by dots, '*' for any name, for example " + example(shape) + ".");
    }
    List<Pattern> parts = new ArrayList<>();
    for (String name : names) {
      if (name.isBlank() || !name.equals(name.strip())) {
        throw new ConfigException(path + ": '" + text + "' has an empty part or spaces around a dot; write "
            + shape + ", for example " + example(shape) + ".");
      }
      parts.add(compile(name));
    }
    if (!names[0].contains("*") && sources.stream().noneMatch(s -> s.equalsIgnoreCase(names[0]))) {
      throw new ConfigException(path + ": '" + text + "' names source '" + names[0] + "', which is not configured. "
          + "Configured sources: " + String.join(", ", new TreeSet<>(sources)) + ".");
    }
    return new NamePattern(text.trim(), List.copyOf(parts));
  }

  private static Pattern compile(String part) {
    StringJoiner regex = new StringJoiner(".*");
    for (String literal : part.split("\\*", -1)) {
      regex.add(literal.isEmpty() ? "" : Pattern.quote(literal));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  }

  private static String example(String shape) {
    return shape.toLowerCase(Locale.ROOT).replace("source", "pg").replace("schema", "public")
        .replace("table", "orders").replace("column", "o_comment");
  }

  /** Whether the names match all parts of this pattern. */
  public boolean matches(String... names) {
    return names.length == parts.size() && matchesPrefix(names);
  }

  /** Whether the names match this pattern's first parts (a schema that may hold a matching table). */
  public boolean matchesPrefix(String... names) {
    if (names.length > parts.size()) {
      return false;
    }
    for (int i = 0; i < names.length; i++) {
      if (!parts.get(i).matcher(names[i]).matches()) {
        return false;
      }
    }
    return true;
  }

  @Override public String toString() {
    return text;
  }
}
