package io.junctionsql.planner.security;

import io.junctionsql.planner.config.ConfigException;

import java.util.Locale;

/** How a masked column's values are replaced. */
public enum Mask {
  /** Strings become {@code '****'} on every row (so not even which values are NULL shows); other types NULL. */
  REDACT,
  /** NULL of the column's type. */
  NULL;

  static Mask parse(String text, String path) {
    switch (text.trim().toLowerCase(Locale.ROOT)) {
    case "redact":
      return REDACT;
    case "null":
      return NULL;
    default:
      throw new ConfigException(path + ": '" + text + "' is not a mask; write redact or \"null\" (in quotes: "
          + "unquoted null is YAML's empty value).");
    }
  }
}
