package io.junctionsql.bench.tpch;

import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.junctionsql.bench.support.Figures.ms;
import static io.junctionsql.bench.support.Figures.ratio;

/** The run as Markdown: the machine, the command, one row per query, and the workload's totals. */
final class MarkdownReport {
  /** The A/A control's system: Junction with the same settings as {@code junction}, on its own connection. */
  static final String TWIN = "junction-twin";

  private final TpchDataSet data;
  private final TpchBenchmark.Options options;
  private final List<Measurement> measurements;

  MarkdownReport(TpchDataSet data, TpchBenchmark.Options options, List<Measurement> measurements) {
    this.data = data;
    this.options = options;
    this.measurements = measurements;
  }

  /** A progress line while the run goes on. */
  static String line(String query, Map<String, Measurement> bySystem) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-4s", query));
    bySystem.forEach((system, m) -> b.append(String.format(Locale.ROOT, "  %s %s ms, %,d rows moved%s", system,
        ms(m.medianMs()), m.rowsMoved(), m.problem().map(p -> " [" + p + "]").orElse(""))));
    return b.toString();
  }

  String render() {
    Set<String> systems = new LinkedHashSet<>();
    Map<String, Map<String, Measurement>> byQuery = new LinkedHashMap<>();
    for (Measurement m : measurements) {
      systems.add(m.system());
      byQuery.computeIfAbsent(m.query(), q -> new LinkedHashMap<>()).put(m.system(), m);
    }
    StringBuilder b = new StringBuilder();
    Runtime rt = Runtime.getRuntime();
    b.append(String.format(Locale.ROOT, "## TPC-H SF%s, federated: dimensions in PostgreSQL, orders and lineitem in Delta%s%n%n",
        num(data.scaleFactor()), options.sparkUrl == null ? " (read by Delta Kernel)"
            : " (served by a Spark thrift server)"));
    b.append(String.format(Locale.ROOT, "- When: %s; machine: %d cores, Java %s, max heap %d MiB, %s%n",
        ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16) + " UTC",
        rt.availableProcessors(), System.getProperty("java.version"), rt.maxMemory() >> 20, System.getProperty("os.name")));
    b.append("- Command: `").append(options.commandLine).append("`\n");
    b.append(String.format(Locale.ROOT, "- Median of %d runs after %d warm-up run(s); every result checked against the "
        + "oracle (all tables in one PostgreSQL schema, `%s`).%n", options.runs, options.warmup, data.schema()));
    b.append("- Rows moved: rows Junction read from its sources (for Delta, rows decoded from the files it read). "
        + "Peak heap: sampled every 10 ms, above the heap in use when the query started (embedded Junction runs in "
        + "the runner's JVM).\n");
    if (systems.contains(TWIN)) {
      b.append("- A/A control: `" + TWIN + "` has the same settings as `junction` on a connection of its own; "
          + "time junction / twin is how far two identical connections differ here.\n");
    }
    b.append('\n');
    b.append("| query | rows |");
    for (String s : systems) {
      b.append(' ').append(s).append(" ms |");
    }
    boolean twin = systems.contains(TWIN);
    b.append(" time junction / off |").append(twin ? " time junction / twin |" : "").append(" rows moved junction | rows moved off | moved junction / off | Delta files junction / off "
        + "| peak heap junction MiB | check |\n|");
    b.append(" --- |".repeat(1)).append(" ---: |".repeat(systems.size() + 7 + (twin ? 1 : 0))).append(" --- |\n");
    double totalOn = 0;
    double totalOff = 0;
    double totalTwin = 0;
    long movedOn = 0;
    long movedOff = 0;
    for (Map.Entry<String, Map<String, Measurement>> e : byQuery.entrySet()) {
      Map<String, Measurement> row = e.getValue();
      Measurement on = row.get("junction");
      Measurement off = row.get("junction-off");
      Measurement oracle = row.get("oracle");
      b.append("| ").append(e.getKey()).append(" | ").append(String.format(Locale.ROOT, "%,d", oracle.rows())).append(" |");
      for (String s : systems) {
        Measurement m = row.get(s);
        b.append(' ').append(m == null ? "" : ms(m.medianMs())).append(" |");
      }
      totalOn += on.medianMs();
      totalOff += off.medianMs();
      String aa = "";
      if (twin) {
        totalTwin += row.get(TWIN).medianMs();
        aa = " " + ratio(on.medianMs(), row.get(TWIN).medianMs()) + " |";
      }
      movedOn += on.rowsMoved();
      movedOff += off.rowsMoved();
      b.append(String.format(Locale.ROOT, " %s |%s %,d | %,d | %s | %s / %s | %d | %s |%n", ratio(on.medianMs(), off.medianMs()),
          aa, on.rowsMoved(), off.rowsMoved(), ratio(on.rowsMoved(), off.rowsMoved()), files(on), files(off),
          on.peakHeapBytes() >> 20, check(row)));
    }
    StringBuilder others = new StringBuilder();
    for (String s : systems.stream().skip(3).toList()) {
      others.append(s.equals(TWIN) ? " **" + ms(totalTwin) + "** |" : " |");
    }
    b.append(String.format(Locale.ROOT, "| **all** | | | **%s** | **%s** |%s **%s** |%s **%,d** | **%,d** | **%s** | | | |%n",
        ms(totalOn), ms(totalOff), others, ratio(totalOn, totalOff),
        twin ? " **" + ratio(totalOn, totalTwin) + "** |" : "", movedOn, movedOff, ratio(movedOn, movedOff)));
    return b.toString();
  }

  private static String check(Map<String, Measurement> row) {
    String problems = row.values().stream().filter(m -> m.problem().isPresent())
        .map(m -> m.system() + ": " + m.problem().get().replace("|", "\\|")).collect(Collectors.joining("; "));
    return problems.isEmpty() ? "match" : "**" + problems + "**";
  }

  private static String files(Measurement m) {
    long files = m.sources().values().stream().mapToLong(SourceFigures::files).filter(f -> f >= 0).sum();
    return String.valueOf(files);
  }

  private static String num(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
