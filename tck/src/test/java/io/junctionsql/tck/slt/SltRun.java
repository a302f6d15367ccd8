package io.junctionsql.tck.slt;

import java.util.ArrayList;
import java.util.List;

/**
 * What one corpus file did: every statement and query with its key ({@code select1.test#q17} is the 17th
 * query the PostgreSQL policy keeps in the file, {@code #s3} the third statement) and, when it failed, why.
 */
final class SltRun {
  /** One statement or query; {@code problem} is null when it passed. */
  record Outcome(String key, boolean isQuery, String sql, String problem) {
    boolean passed() {
      return problem == null;
    }
  }

  final String file;
  final List<Outcome> outcomes = new ArrayList<>();
  private int statements;
  private int queries;

  SltRun(String file) {
    this.file = file;
  }

  void statement(String sql, String problem) {
    outcomes.add(new Outcome(name() + "#s" + (++statements), false, sql, problem));
  }

  void query(String sql, String problem) {
    outcomes.add(new Outcome(name() + "#q" + (++queries), true, sql, problem));
  }

  /** The file's path below the corpus's {@code test/} folder, as the known-failure list writes it. */
  String name() {
    return file.startsWith("test/") ? file.substring("test/".length()) : file;
  }

  long count(boolean query, boolean onlyPassed) {
    return outcomes.stream().filter(o -> o.isQuery() == query && (!onlyPassed || o.passed())).count();
  }

  /** Messages and result listings on one line, short enough for a report table. */
  static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    String line = text.strip().replaceAll("\\s*\\R\\s*", " | ");
    return line.length() <= 240 ? line : line.substring(0, 237) + "...";
  }

  static String firstLine(String text) {
    return text == null ? "" : oneLine(text.lines().findFirst().orElse(""));
  }
}
