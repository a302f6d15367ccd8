package io.junctionsql.planner.source.delta;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * What the Delta log says about one snapshot: files, rows (the sum of each file's {@code numRecords},
 * less rows its deletion vector removed) and, per column, the smallest and largest value the files'
 * statistics hold.
 *
 * @param files the number of data files
 * @param rows the number of live rows; files without statistics are estimated from their size
 * @param min per logical column name, the smallest value in the statistics, as JSON
 * @param max per logical column name, the largest value, as JSON
 */
record DeltaTableStats(long files, double rows, Map<String, JsonNode> min, Map<String, JsonNode> max) {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Bytes per row assumed for a file whose statistics are missing. */
  private static final double BYTES_PER_ROW_GUESS = 50;
  static final String PHYSICAL_NAME = "delta.columnMapping.physicalName";

  static DeltaTableStats read(Engine engine, Snapshot snapshot) {
    StructType schema = snapshot.getSchema();
    Map<String, String> logicalByPhysical = new HashMap<>();
    for (StructField f : schema.fields()) {
      logicalByPhysical.put(physicalName(f), f.getName());
    }
    long files = 0;
    double rows = 0;
    Map<String, JsonNode> min = new HashMap<>();
    Map<String, JsonNode> max = new HashMap<>();
    Scan scan = snapshot.getScanBuilder().build();
    try (CloseableIterator<FilteredColumnarBatch> it = scan.getScanFiles(engine, true)) {
      while (it.hasNext()) {
        try (CloseableIterator<Row> scanFiles = it.next().getRows()) {
          while (scanFiles.hasNext()) {
            Row scanFile = scanFiles.next();
            Row add = scanFile.getStruct(scanFile.getSchema().indexOf("add"));
            files++;
            rows += liveRows(add, min, max, logicalByPhysical);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DeltaTableStats(files, rows, Collections.unmodifiableMap(min), Collections.unmodifiableMap(max));
  }

  private static double liveRows(Row add, Map<String, JsonNode> min, Map<String, JsonNode> max,
      Map<String, String> logicalByPhysical) throws IOException {
    StructType addSchema = add.getSchema();
    int statsAt = addSchema.indexOf("stats");
    String stats = statsAt < 0 || add.isNullAt(statsAt) ? null : add.getString(statsAt);
    double rows;
    if (stats == null) {
      rows = add.getLong(addSchema.indexOf("size")) / BYTES_PER_ROW_GUESS;
    } else {
      JsonNode node = JSON.readTree(stats);
      rows = node.path("numRecords").asDouble(0);
      merge(node.path("minValues"), min, logicalByPhysical, true);
      merge(node.path("maxValues"), max, logicalByPhysical, false);
    }
    int dvAt = addSchema.indexOf("deletionVector");
    if (dvAt >= 0 && !add.isNullAt(dvAt)) {
      Row dv = add.getStruct(dvAt);
      rows -= dv.getLong(dv.getSchema().indexOf("cardinality"));
    }
    return Math.max(0, rows);
  }

  private static void merge(JsonNode values, Map<String, JsonNode> into, Map<String, String> logicalByPhysical,
      boolean smallest) {
    values.fields().forEachRemaining(e -> {
      JsonNode v = e.getValue();
      if (!v.isValueNode()) {
        return; // nested struct statistics are not used
      }
      String column = logicalByPhysical.getOrDefault(e.getKey(), e.getKey());
      JsonNode current = into.get(column);
      if (current == null || (compare(v, current) < 0) == smallest && compare(v, current) != 0) {
        into.put(column, v);
      }
    });
  }

  private static int compare(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    // Dates and timestamps are ISO text, which sorts as the values do.
    return a.asText().compareTo(b.asText());
  }

  static String physicalName(StructField f) {
    return f.getMetadata().contains(PHYSICAL_NAME) ? f.getMetadata().getString(PHYSICAL_NAME) : f.getName();
  }
}
