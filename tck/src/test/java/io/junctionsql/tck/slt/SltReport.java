package io.junctionsql.tck.slt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The figures of a corpus run, as printed and as written to {@code target/sqllogictest-report.md}. */
final class SltReport {
  private SltReport() {
  }

  static String render(List<SltRun> runs, KnownFailures known, List<SltRun.Outcome> unexpected,
      List<String> stale, long millis) {
    long statements = runs.stream().mapToLong(r -> r.count(false, false)).sum();
    long statementsPassed = runs.stream().mapToLong(r -> r.count(false, true)).sum();
    long queries = runs.stream().mapToLong(r -> r.count(true, false)).sum();
    long queriesPassed = runs.stream().mapToLong(r -> r.count(true, true)).sum();
    StringBuilder sb = new StringBuilder("# sqllogictest through Junction\n\n");
    sb.append("| file | statements (passed) | queries (passed) |\n| --- | --- | --- |\n");
    for (SltRun r : runs) {
      sb.append(String.format(Locale.ROOT, "| %s | %d (%d) | %d (%d) |%n", r.name(), r.count(false, false),
          r.count(false, true), r.count(true, false), r.count(true, true)));
    }
    sb.append(String.format(Locale.ROOT, "%nFiles: %d%nStatements run: %d, passed: %d%n"
            + "Queries run: %d, passed: %d (%.2f%%)%nKnown failures listed: %d%n"
            + "Unexpected failures: %d, stale entries: %d%nTime: %d s%n",
        runs.size(), statements, statementsPassed, queries, queriesPassed,
        queries == 0 ? 0.0 : 100.0 * queriesPassed / queries, known.entries.size(), unexpected.size(),
        stale.size(), millis / 1000));
    sb.append("\n## Known failures by cause\n\n");
    known.countsByCause().forEach((cause, n) -> sb.append("- ").append(n).append(": ").append(cause).append('\n'));
    if (!unexpected.isEmpty()) {
      sb.append("\n## Unexpected failures\n\n");
      unexpected.forEach(o -> sb.append("- ").append(o.key()).append(": ").append(o.problem()).append("\n  `")
          .append(SltRun.oneLine(o.sql())).append("`\n"));
    }
    if (!stale.isEmpty()) {
      sb.append("\n## Listed but not failing (remove from the list)\n\n");
      stale.forEach(k -> sb.append("- ").append(k).append('\n'));
    }
    return sb.toString();
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
