package io.junctionsql.planner.dialect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a golden file: cases of a title line {@code === title}, the query, a line naming the dialect
 * such as {@code --- hana}, then the expected SQL. Lines starting with {@code #} are comments; blank
 * lines are ignored.
 */
final class GoldenFile {
  private static final String TITLE = "=== ";
  private static final String EXPECTED = "--- ";

  /** One case; {@code line} is where its title stands, for finding it in the file. */
  record Case(String title, String query, String expected, int line) {
  }

  private GoldenFile() {
  }

  /** The cases of a file whose expected SQL is marked {@code --- dialect}. */
  static List<Case> load(String resource, String dialect) {
    try (InputStream in = Objects.requireNonNull(GoldenFile.class.getResourceAsStream(resource), resource)) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), dialect);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Case> parse(String text, String dialect) {
    String marker = EXPECTED + dialect;
    List<Case> cases = new ArrayList<>();
    String title = null;
    int titleLine = 0;
    StringBuilder query = new StringBuilder();
    StringBuilder expected = null;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      if (line.startsWith(TITLE)) {
        if (title != null) {
          cases.add(finish(title, query, expected, titleLine, marker));
        }
        title = line.substring(TITLE.length()).trim();
        titleLine = i + 1;
        query = new StringBuilder();
        expected = null;
      } else if (title == null) {
        throw new IllegalArgumentException("line " + (i + 1) + ": text before the first '=== title'");
      } else if (line.trim().equals(marker)) {
        if (expected != null) {
          throw new IllegalArgumentException("line " + (i + 1) + ": a second '" + marker + "' in " + title);
        }
        expected = new StringBuilder();
      } else {
        (expected == null ? query : expected).append(line).append('\n');
      }
    }
    if (title != null) {
      cases.add(finish(title, query, expected, titleLine, marker));
    }
    return cases;
  }

  private static Case finish(String title, StringBuilder query, StringBuilder expected, int line,
      String marker) {
    if (expected == null || expected.toString().isBlank() || query.toString().isBlank()) {
      throw new IllegalArgumentException("line " + line + ": case '" + title
          + "' needs a query, a '" + marker + "' line and the expected SQL");
    }
    return new Case(title, query.toString().trim(), expected.toString().trim(), line);
  }

  /** Turns a golden query into the SQL a dialect sends its database. */
  @FunctionalInterface
  interface Translator {
    String toSql(String query) throws Exception;
  }

  /**
   * Fails, naming the case and the line of {@code resource} it starts on, unless the query comes out
   * as the case expects.
   */
  static void check(String resource, Case c, Translator translator) {
    String actual;
    try {
      actual = normalize(translator.toSql(c.query()));
    } catch (Exception | AssertionError e) {
      throw new AssertionError(report(resource, c, "failed: " + e), e);
    }
    if (!actual.equals(normalize(c.expected()))) {
      throw new AssertionError(report(resource, c, actual));
    }
  }

  private static String report(String resource, Case c, String actual) {
    return "golden case '" + c.title() + "' (" + resource + " line " + c.line() + ")\n"
        + "  query:    " + normalize(c.query()) + "\n"
        + "  expected: " + normalize(c.expected()) + "\n"
        + "  actual:   " + actual;
  }

  /** Runs of spaces and line breaks count as one space. */
  static String normalize(String sql) {
    return sql.trim().replaceAll("\\s+", " ");
  }
}
