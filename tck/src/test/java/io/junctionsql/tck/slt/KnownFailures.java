package io.junctionsql.tck.slt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The checked-in list of corpus queries (and statements) Junction is known to fail. Lines are
 * {@code <key> <reason>}; a {@code ## <cause>} line starts the group its entries belong to; {@code #}
 * lines are comments. The run must match the list exactly, both ways, so that it stays true: a failure not
 * on it is a regression, an entry that passes (or no longer runs) must be removed.
 */
final class KnownFailures {
  record Entry(String key, String cause, String reason) {
  }

  final Map<String, Entry> entries = new LinkedHashMap<>();

  static KnownFailures parse(String text) {
    KnownFailures list = new KnownFailures();
    String cause = null;
    int lineNo = 0;
    for (String line : text.split("\\R")) {
      lineNo++;
      String l = line.strip();
      if (l.startsWith("## ")) {
        cause = l.substring(3).strip();
      } else if (!l.isEmpty() && !l.startsWith("#")) {
        String[] parts = l.split("\\s+", 2);
        if (cause == null || parts.length < 2) {
          throw new IllegalArgumentException("known failures, line " + lineNo
              + ": an entry needs a '## cause' above it and a reason after its key: " + l);
        }
        if (list.entries.put(parts[0], new Entry(parts[0], cause, parts[1])) != null) {
          throw new IllegalArgumentException("known failures, line " + lineNo + ": " + parts[0] + " is listed twice");
        }
      }
    }
    return list;
  }

  /** Failures of the run that the list does not hold: each one a new bug (or a wrong list). */
  List<SltRun.Outcome> unexpected(List<SltRun> runs) {
    List<SltRun.Outcome> out = new ArrayList<>();
    for (SltRun run : runs) {
      run.outcomes.stream().filter(o -> !o.passed() && !entries.containsKey(o.key())).forEach(out::add);
    }
    return out;
  }

  /** Listed keys that passed or did not run at all: the list claims more than is true. */
  List<String> stale(List<SltRun> runs) {
    Set<String> failed = new java.util.HashSet<>();
    runs.forEach(r -> r.outcomes.stream().filter(o -> !o.passed()).forEach(o -> failed.add(o.key())));
    return entries.keySet().stream().filter(k -> !failed.contains(k)).toList();
  }

  /** Entries per cause, in the order the causes appear in the file. */
  Map<String, Integer> countsByCause() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    entries.values().forEach(e -> counts.merge(e.cause(), 1, Integer::sum));
    return counts;
  }

  /** A draft of the list for the failures of a run, grouped by their message: a start when updating it. */
  static String draft(List<SltRun> runs) {
    Map<String, List<SltRun.Outcome>> byProblem = new TreeMap<>();
    runs.forEach(r -> r.outcomes.stream().filter(o -> !o.passed())
        .forEach(o -> byProblem.computeIfAbsent(o.problem(), p -> new ArrayList<>()).add(o)));
    StringBuilder sb = new StringBuilder();
    byProblem.forEach((problem, outcomes) -> {
      sb.append("## ").append(problem).append('\n');
      outcomes.forEach(o -> sb.append(o.key()).append("  ").append(SltRun.oneLine(o.sql())).append('\n'));
    });
    return sb.toString();
  }
}
