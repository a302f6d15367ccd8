package io.junctionsql.bench.demo;

import io.junctionsql.server.demo.DemoDataSet;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import static io.junctionsql.bench.support.Figures.ms;
import static io.junctionsql.bench.support.Figures.ratio;

/** The run as Markdown: the machine, the command, the data set's size, and one row per query. */
final class DemoReport {
  private final DemoDataSet data;
  private final String commandLine;
  private final int runs;
  private final int warmup;
  private final String schema;

  DemoReport(DemoDataSet data, String commandLine, int runs, int warmup, String schema) {
    this.data = data;
    this.commandLine = commandLine;
    this.runs = runs;
    this.warmup = warmup;
    this.schema = schema;
  }

  /** A progress line while the run goes on. */
  static String line(DemoWorkloadBenchmark.Result r) {
    return String.format(Locale.ROOT, "%-3s junction %s ms, oracle %s ms, %,d rows, read sap %,d lake %,d%s",
        r.query().name(), ms(r.junctionMs()), ms(r.oracleMs()), r.rows(), read(r, "sap"), read(r, "lake"),
        r.problem().map(p -> " [" + p + "]").orElse(""));
  }

  String render(List<DemoWorkloadBenchmark.Result> results) {
    Runtime rt = Runtime.getRuntime();
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "## Demo data set at scale %d: %,d customers, %,d sales orders (emulated "
        + "Datasphere space in H2), %,d campaign events (Delta)%n%n", data.scale(), data.customers(), data.orders(),
        data.events()));
    b.append(String.format(Locale.ROOT, "- When: %s; machine: %d cores, Java %s, max heap %d MiB, %s%n",
        ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16) + " UTC",
        rt.availableProcessors(), System.getProperty("java.version"), rt.maxMemory() >> 20, System.getProperty("os.name")));
    b.append("- Command: `").append(commandLine).append("`\n");
    b.append(String.format(Locale.ROOT, "- Median of %d runs after %d warm-up run(s); every result checked against "
        + "the oracle (the same rows in one PostgreSQL schema, `%s`). Rows read: what Junction read from each "
        + "source in the last run.%n%n", runs, warmup, schema));
    b.append("| query | rows | Junction ms | PostgreSQL ms | Junction / PostgreSQL | rows read sap | rows read lake "
        + "| check |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
    for (DemoWorkloadBenchmark.Result r : results) {
      b.append(String.format(Locale.ROOT, "| %s %s | %,d | %s | %s | %s | %,d | %,d | %s |%n", r.query().name(),
          r.query().title(), r.rows(), ms(r.junctionMs()), ms(r.oracleMs()), ratio(r.junctionMs(), r.oracleMs()),
          read(r, "sap"), read(r, "lake"), r.problem().map(p -> "**" + p.replace("|", "\\|") + "**").orElse("match")));
    }
    return b.toString();
  }

  private static long read(DemoWorkloadBenchmark.Result r, String source) {
    return r.rowsRead().getOrDefault(source, 0L);
  }
}
