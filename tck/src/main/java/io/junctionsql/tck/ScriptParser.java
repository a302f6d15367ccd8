package io.junctionsql.tck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SQL scripts. A case starts with {@code === title}; then sections, each a line ending in a
 * colon and the lines below it:
 * <pre>
 * === a filter is pushed into the source
 * query:
 * SELECT name FROM sap.master.customers WHERE country = 'DE'
 * check: oracle
 * source sap:
 * SELECT "name" FROM "master"."customers" WHERE "country" = 'DE'
 * source crm contains:
 * WHERE
 * explain contains:
 * JdbcFilter
 * </pre>
 * In {@code source X:} a line {@code --} separates statements. Lines starting with {@code #} are comments.
 */
public final class ScriptParser {
  private static final Pattern SECTION = Pattern.compile(
      "^(query|rows|explain contains|source (\\w+)(?: (contains))?):\\s*$");
  private static final Pattern CHECK = Pattern.compile("^check:\\s*((?:ordered )?(?:oracle|rows))\\s*$");

  private ScriptParser() {
  }

  public static List<ScriptCase> parse(String file, String text) {
    List<ScriptCase> cases = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    Builder current = null;
    List<String> target = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].stripTrailing();
      if (line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("===")) {
        if (current != null) {
          cases.add(current.build());
        }
        current = new Builder(file, i + 1, line.substring(3).trim());
        target = null;
        continue;
      }
      if (current == null) {
        if (!line.isBlank()) {
          throw new IllegalArgumentException(file + ":" + (i + 1) + ": text before the first === case");
        }
        continue;
      }
      Matcher check = CHECK.matcher(line);
      if (check.matches()) {
        current.check = check.group(1);
        target = null;
        continue;
      }
      Matcher section = SECTION.matcher(line);
      if (section.matches()) {
        String name = section.group(1);
        if (name.equals("query")) {
          target = current.query;
        } else if (name.equals("rows")) {
          target = current.rows;
        } else if (name.equals("explain contains")) {
          target = current.explainContains;
        } else if (section.group(3) != null) {
          target = current.sourceContains.computeIfAbsent(section.group(2), k -> new ArrayList<>());
        } else {
          target = current.sourceSql.computeIfAbsent(section.group(2), k -> new ArrayList<>());
        }
        continue;
      }
      if (target == null) {
        if (!line.isBlank()) {
          throw new IllegalArgumentException(file + ":" + (i + 1) + ": line outside any section: " + line);
        }
        continue;
      }
      target.add(line);
    }
    if (current != null) {
      cases.add(current.build());
    }
    return cases;
  }

  /** Collects one case's sections. */
  private static final class Builder {
    final String file;
    final int line;
    final String title;
    final List<String> query = new ArrayList<>();
    final List<String> rows = new ArrayList<>();
    final List<String> explainContains = new ArrayList<>();
    final Map<String, List<String>> sourceSql = new LinkedHashMap<>();
    final Map<String, List<String>> sourceContains = new LinkedHashMap<>();
    String check = "oracle";

    Builder(String file, int line, String title) {
      this.file = file;
      this.line = line;
      this.title = title;
    }

    ScriptCase build() {
      String sql = String.join("\n", query).strip();
      if (sql.isEmpty()) {
        throw new IllegalArgumentException(file + ":" + line + ": case '" + title + "' has no query");
      }
      Map<String, List<String>> statements = new LinkedHashMap<>();
      sourceSql.forEach((source, lines) -> statements.put(source, splitStatements(lines)));
      Map<String, List<String>> fragments = new LinkedHashMap<>();
      sourceContains.forEach((source, lines) -> fragments.put(source, nonBlank(lines)));
      return new ScriptCase(file, line, title, sql, check, nonBlank(rows), statements, fragments,
          nonBlank(explainContains));
    }

    private static List<String> splitStatements(List<String> lines) {
      List<String> out = new ArrayList<>();
      StringBuilder sb = new StringBuilder();
      for (String l : lines) {
        if (l.strip().equals("--")) {
          out.add(sb.toString().strip());
          sb.setLength(0);
        } else {
          sb.append(l).append('\n');
        }
      }
      if (!sb.toString().isBlank()) {
        out.add(sb.toString().strip());
      }
      return out;
    }

    private static List<String> nonBlank(List<String> lines) {
      List<String> out = new ArrayList<>();
      for (String l : lines) {
        if (!l.isBlank()) {
          out.add(l.strip());
        }
      }
      return out;
    }
  }
}
