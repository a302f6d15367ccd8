package io.junctionsql.planner.config;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as people write them in a config file or a connection property: {@code 512MiB}, {@code 2GiB},
 * {@code 1g}, {@code 64m}, or a plain number of bytes. Every unit counts in powers of 1024, as the JVM's
 * {@code -Xmx} does, so {@code 1g} and {@code 1GB} mean the same as {@code 1GiB}.
 */
public final class ByteSizes {
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)(?:i?b)?");
  private static final String[] UNITS = {"bytes", "KiB", "MiB", "GiB", "TiB"};

  private ByteSizes() {
  }

  /** The number of bytes {@code text} names, or empty if it is not a size. */
  public static OptionalLong parse(String text) {
    Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return OptionalLong.empty();
    }
    int shift = switch (m.group(2)) {
      case "k" -> 10;
      case "m" -> 20;
      case "g" -> 30;
      case "t" -> 40;
      default -> 0;
    };
    try {
      long n = Long.parseLong(m.group(1));
      if (n > Long.MAX_VALUE >> shift) {
        return OptionalLong.empty();
      }
      return OptionalLong.of(n << shift);
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** A size for a message: {@code 256 MiB}, or {@code 1.5 GiB}, or {@code 900 bytes}. */
  public static String format(long bytes) {
    int unit = 0;
    double value = bytes;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    if (unit == 0 || value == Math.rint(value)) {
      return (long) value + " " + UNITS[unit];
    }
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }
}
