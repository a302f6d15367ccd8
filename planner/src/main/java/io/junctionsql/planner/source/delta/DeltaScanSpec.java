package io.junctionsql.planner.source.delta;

import io.junctionsql.planner.runtime.QueryLog;
import io.junctionsql.planner.JunctionException;
import io.junctionsql.planner.SqlStates;
import io.junctionsql.planner.runtime.ColumnarRows;
import io.junctionsql.planner.runtime.DirectScans;
import io.junctionsql.planner.runtime.JoinKeys;

import io.delta.kernel.Scan;
import io.delta.kernel.ScanBuilder;
import io.delta.kernel.Snapshot;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a Delta scan reads, handed from the plan to the generated code: the table, the columns by
 * name, the Kernel predicate. At run time it takes the statement's snapshot, lists the files Kernel
 * keeps, records the scan in the connection's log and streams the rows.
 */
public final class DeltaScanSpec {
  private final DeltaTable table;
  private final List<String> columns;
  private final Predicate predicate;
  private final JavaRowFormat format;
  private final TimeZone zone;
  /** The column whose values must be among the context's join keys (semi-join reduction); -1 for none. */
  private final int keyColumn;

  DeltaScanSpec(DeltaTable table, List<String> columns, Predicate predicate, JavaRowFormat format,
      TimeZone zone) {
    this(table, columns, predicate, format, zone, -1);
  }

  DeltaScanSpec(DeltaTable table, List<String> columns, Predicate predicate, JavaRowFormat format,
      TimeZone zone, int keyColumn) {
    this.table = table;
    this.columns = List.copyOf(columns);
    this.predicate = predicate;
    this.format = format;
    this.zone = zone;
    this.keyColumn = keyColumn;
  }

  /**
   * A scan ready to run.
   *
   * @param snapshot the snapshot read
   * @param scan Kernel's scan
   * @param readSchema the columns read (at least one, even for COUNT(*))
   * @param files the files Kernel keeps after pruning and skipping
   * @param totalFiles the files of the snapshot
   */
  record Plan(Snapshot snapshot, Scan scan, StructType readSchema, List<Row> files, long totalFiles) {
  }

  Plan plan() {
    return plan(predicate);
  }

  private Plan plan(Predicate predicate) {
    Snapshot snapshot = table.snapshot();
    StructType schema = snapshot.getSchema();
    List<StructField> read = new ArrayList<>();
    for (String c : columns) {
      int i = schema.indexOf(c);
      if (i < 0) {
        throw new JunctionException(SqlStates.UNDEFINED_COLUMN, "Source '" + table.source().name()
            + "': column " + c + " is no longer in table " + table.displayName()
            + "; the table's schema changed since the statement was prepared. Prepare it again.");
      }
      read.add(schema.at(i));
    }
    if (read.isEmpty()) {
      // Kernel needs a column to read rows at all; a COUNT(*) reads the first and ignores it.
      read.add(schema.at(0));
    }
    StructType readSchema = new StructType(read);
    ScanBuilder builder = snapshot.getScanBuilder().withReadSchema(readSchema);
    if (predicate != null) {
      builder = builder.withFilter(predicate);
    }
    Scan scan = builder.build();
    List<Row> files = new ArrayList<>();
    table.source().kernel(table.location(), () -> {
      try (CloseableIterator<FilteredColumnarBatch> it = scan.getScanFiles(table.source().engine())) {
        while (it.hasNext()) {
          try (CloseableIterator<Row> rows = it.next().getRows()) {
            rows.forEachRemaining(files::add);
          }
        }
      }
      return null;
    });
    long total = table.source().stats(table.location(), snapshot).files();
    return new Plan(snapshot, scan, readSchema, files, total);
  }

  /** The scan as the connection's log and EXPLAIN show it. */
  String describe(Plan plan) {
    return describe(plan, predicate);
  }

  private String describe(Plan plan, Predicate predicate) {
    return "SCAN " + table.location().schema() + "." + table.location().name() + "@v" + plan.snapshot().getVersion()
        + " COLUMNS (" + String.join(", ", columns) + ")"
        + " KERNEL PREDICATE " + (predicate == null ? "none" : predicate.toString())
        + " FILES " + plan.files().size() + " OF " + plan.totalFiles();
  }

  /**
   * The scan's rows for a client reading them directly, without Calcite's row objects.
   *
   * @param columns for each output column, the scan column it shows
   */
  ColumnarRows columnarRows(int[] columns) {
    Plan plan = plan();
    String source = table.source().name();
    table.session().log().record(source, describe(plan));
    DataType[] types = new DataType[plan.readSchema().length()];
    for (int i = 0; i < types.length; i++) {
      types[i] = plan.readSchema().at(i).getDataType();
    }
    try {
      return new DeltaColumnarRows(new DeltaRowCursor(table.source().engine(), plan, this.columns.size(), null,
          report(plan)), columns, types, zone);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private DeltaRowCursor.ReadReport report(Plan plan) {
    return (files, bytes, rows, nanos) -> {
      QueryLog log = table.session().log();
      log.recordRead(table.source().name(), "READ " + files + " OF " + plan.files().size() + " FILES, " + rows
          + " ROWS FROM " + table.location().schema() + "." + table.location().name() + "@v"
          + plan.snapshot().getVersion() + ", " + bytes + " BYTES", rows, bytes, nanos);
    };
  }

  /** Called by the generated code of the query. */
  public Enumerable<Object> enumerable(DataContext root) {
    AtomicBoolean cancel = DataContext.Variable.CANCEL_FLAG.get(root);
    return new AbstractEnumerable<>() {
      @Override public Enumerator<Object> enumerator() {
        if (DirectScans.servedByClient()) {
          // The driver reads this scan itself and drops these rows: neither plan nor read it twice.
          return Linq4j.emptyEnumerator();
        }
        Object[] keys = keyColumn < 0 ? null : JoinKeys.of(root);
        return keys == null ? open(predicate) : KeyRange.of(keys).keep(open(KeyRange.of(keys).and(predicate,
            columns.get(keyColumn), table.snapshot().getSchema().get(columns.get(keyColumn)).getDataType())),
            DeltaScanSpec.this::key);
      }

      private Enumerator<Object> open(Predicate predicate) {
        Plan plan = plan(predicate);
        String source = table.source().name();
        table.session().log().record(source, describe(plan, predicate));
        try {
          return new DeltaRowEnumerator(table.source().engine(), plan, columns.size(), format, zone, cancel,
              report(plan));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  /** The key column's value in one of this scan's rows. */
  private Object key(Object row) {
    switch (format) {
    case SCALAR:
      return row;
    case ARRAY:
      return ((Object[]) row)[keyColumn];
    default:
      return ((List<?>) row).get(keyColumn);
    }
  }
}
