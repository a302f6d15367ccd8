package io.junctionsql.bench;

import io.junctionsql.planner.source.delta.write.DeltaTableWriter;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;

import org.apache.hadoop.conf.Configuration;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Scan throughput of a Delta table: Junction's embedded driver (a JDBC client reading every column of
 * every row with typed getters) against a plain Delta Kernel read loop over the same table, in the
 * same run, alternating, and the ratio of their medians. With {@code --jdbc-only} it runs just the
 * Junction scan and prints the peak heap (run it with a small -Xmx to show the scan streams).
 *
 * <p>Usage: {@code DeltaScanBenchmark <data folder> [rows] [runs] [--jdbc-only]}.
 */
public final class DeltaScanBenchmark {
  static final StructType SCHEMA = new StructType()
      .add("id", LongType.LONG, false)
      .add("customer_id", IntegerType.INTEGER)
      .add("amount", new DecimalType(12, 2))
      .add("channel", StringType.STRING)
      .add("event_time", TimestampType.TIMESTAMP);
  private static final String[] CHANNELS = {"email", "web", "event", "social"};
  private static final int ROWS_PER_FILE = 1_000_000;

  private DeltaScanBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]).toAbsolutePath();
    long rows = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    boolean jdbcOnly = Arrays.asList(args).contains("--jdbc-only");
    Path table = data.resolve("lake/bench/events_" + rows);
    ensureTable(table, rows);
    Path config = data.resolve("bench-" + rows + ".yaml");
    Files.writeString(config, "sources:\n  lake:\n    kind: delta\n    location: " + data.resolve("lake").toUri()
        + "\n");
    String sql = "SELECT id, customer_id, amount, channel, event_time FROM lake.bench.events_" + rows;
    if (jdbcOnly) {
      long start = System.nanoTime();
      long checksum = junction(config, sql);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("junction scan: %d rows in %.2f s (%.0f rows/s), checksum %d, max heap %d MiB, "
          + "peak heap used %d MiB%n", rows, seconds, rows / seconds, checksum,
          Runtime.getRuntime().maxMemory() >> 20, peakHeapUsed() >> 20);
      return;
    }
    System.out.printf("Delta scan benchmark: %,d rows, %d columns, %d runs each, alternating%n", rows,
        SCHEMA.length(), runs);
    // Warm-up of both paths.
    kernel(table);
    junction(config, sql);
    List<Double> kernelTimes = new ArrayList<>();
    List<Double> junctionTimes = new ArrayList<>();
    long kernelSum = 0;
    long junctionSum = 0;
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      kernelSum = kernel(table);
      kernelTimes.add((System.nanoTime() - t0) / 1e9);
      long t1 = System.nanoTime();
      junctionSum = junction(config, sql);
      junctionTimes.add((System.nanoTime() - t1) / 1e9);
    }
    if (kernelSum != junctionSum) {
      throw new IllegalStateException("checksums differ: kernel " + kernelSum + ", junction " + junctionSum);
    }
    double k = median(kernelTimes);
    double j = median(junctionTimes);
    System.out.printf("plain Kernel loop : median %.2f s, %,.0f rows/s  (runs %s)%n", k, rows / k, kernelTimes);
    System.out.printf("Junction (JDBC)   : median %.2f s, %,.0f rows/s  (runs %s)%n", j, rows / j, junctionTimes);
    System.out.printf("ratio Junction / plain Kernel = %.2f (goal 0.80)%n", k / j);
  }

  /** Reads every value of every row through Kernel's vectors, as an engine would; returns a checksum. */
  static long kernel(Path table) throws Exception {
    Engine engine = DefaultEngine.create(new Configuration());
    Snapshot snapshot = Table.forPath(engine, table.toUri().toString()).getLatestSnapshot(engine);
    Scan scan = snapshot.getScanBuilder().build();
    Row state = scan.getScanState(engine);
    StructType physical = ScanStateRow.getPhysicalDataReadSchema(state);
    long sum = 0;
    try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
      while (files.hasNext()) {
        try (CloseableIterator<Row> fileRows = files.next().getRows()) {
          while (fileRows.hasNext()) {
            Row file = fileRows.next();
            FileStatus status = InternalScanFileUtils.getAddFileStatus(file);
            CloseableIterator<ColumnarBatch> data = engine.getParquetHandler()
                .readParquetFiles(Utils.singletonCloseableIterator(status), physical, Optional.empty())
                .map(FileReadResult::getData);
            try (CloseableIterator<FilteredColumnarBatch> batches =
                     Scan.transformPhysicalData(engine, state, file, data)) {
              while (batches.hasNext()) {
                ColumnarBatch b = batches.next().getData();
                ColumnVector id = b.getColumnVector(0);
                ColumnVector customer = b.getColumnVector(1);
                ColumnVector amount = b.getColumnVector(2);
                ColumnVector channel = b.getColumnVector(3);
                ColumnVector time = b.getColumnVector(4);
                for (int r = 0; r < b.getSize(); r++) {
                  sum += id.getLong(r);
                  sum += customer.isNullAt(r) ? 0 : customer.getInt(r);
                  sum += amount.isNullAt(r) ? 0 : amount.getDecimal(r).unscaledValue().longValue();
                  sum += channel.getString(r).length();
                  sum += time.getLong(r) / 1_000_000L;
                }
              }
            }
          }
        }
      }
    }
    return sum;
  }

  /** Reads every value of every row through the embedded Junction driver; returns the same checksum. */
  static long junction(Path config, String sql) throws Exception {
    long sum = 0;
    try (Connection c = DriverManager.getConnection("jdbc:junction:config=" + config);
         Statement s = c.createStatement()) {
      s.setFetchSize(10_000);
      try (ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          sum += rs.getLong(1);
          sum += rs.getInt(2);
          BigDecimal amount = rs.getBigDecimal(3);
          sum += amount == null ? 0 : amount.unscaledValue().longValue();
          sum += rs.getString(4).length();
          sum += rs.getTimestamp(5).toInstant().getEpochSecond();
        }
      }
    }
    return sum;
  }

  static void ensureTable(Path table, long rows) {
    if (Files.exists(table.resolve("_delta_log"))) {
      return;
    }
    System.out.printf("writing %,d rows to %s ...%n", rows, table);
    DeltaTableWriter writer = new DeltaTableWriter(table.toUri().toString(), SCHEMA, List.of());
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    for (long from = 0; from < rows; from += ROWS_PER_FILE) {
      List<Object[]> chunk = new ArrayList<>();
      for (long id = from; id < Math.min(rows, from + ROWS_PER_FILE); id++) {
        chunk.add(new Object[] {id, id % 1013 == 0 ? null : (int) (id % 50_000),
            BigDecimal.valueOf(id % 1_000_000, 2), CHANNELS[(int) (id % CHANNELS.length)],
            start.plusSeconds(id % 31_536_000)});
      }
      writer.append(chunk, ROWS_PER_FILE);
    }
  }

  static long peakHeapUsed() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    return sorted.get(sorted.size() / 2);
  }
}
