package io.junctionsql.planner.source.delta;

import io.junctionsql.planner.JunctionException;
import io.junctionsql.planner.SqlStates;

import io.delta.kernel.Scan;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Walks the rows of a Delta scan, one file at a time and one Kernel batch at a time, leaving the values
 * in Kernel's column vectors. Nothing is buffered beyond the current batch, so closing early (a LIMIT,
 * a cancel) stops reading files.
 */
final class DeltaRowCursor {
  private final Engine engine;
  private final Row scanState;
  private final StructType physicalSchema;
  private final Iterator<Row> files;
  private final int width;
  private final AtomicBoolean cancel;
  private final Runnable onClose;
  private long rowsRead;
  private int filesRead;
  private long bytesRead;
  /** Time spent in Kernel opening files and reading batches: the scan's time in the source. */
  private long readNanos;
  private boolean closed;

  private CloseableIterator<FilteredColumnarBatch> batches;
  private ColumnVector[] vectors;
  private ColumnVector selection;
  private int size;
  private int position;

  /**
   * @param onClose told, once, how many files, bytes and rows were read, and in how long, when the scan ends or
   *     is closed early
   */
  DeltaRowCursor(Engine engine, DeltaScanSpec.Plan plan, int width, AtomicBoolean cancel, ReadReport onClose)
      throws IOException {
    this.engine = engine;
    Scan scan = plan.scan();
    this.scanState = scan.getScanState(engine);
    this.physicalSchema = ScanStateRow.getPhysicalDataReadSchema(scanState);
    this.files = plan.files().iterator();
    this.width = width;
    this.cancel = cancel;
    this.onClose = () -> onClose.done(filesRead, bytesRead, rowsRead, readNanos);
  }

  /** The vector holding column {@code c} of the current row, at {@link #row()}. */
  ColumnVector vector(int c) {
    return vectors[c];
  }

  /** The current row's index in its batch. */
  int row() {
    return position;
  }

  /** Moves to the next row that the deletion vectors and Kernel's selection keep. */
  boolean next() {
    if (closed) {
      return false;
    }
    try {
      while (true) {
        if (vectors != null && nextSelected()) {
          rowsRead++;
          return true;
        }
        // Checked between batches, not only between files: a file can hold millions of rows.
        if (cancel != null && cancel.get()) {
          close();
          throw new JunctionException(SqlStates.QUERY_CANCELLED, "The query was cancelled.");
        }
        // Timed per batch, not per row: two clock reads per thousands of rows.
        long started = System.nanoTime();
        try {
          if (batches != null && batches.hasNext()) {
            open(batches.next());
            continue;
          }
          closeBatches();
          if (!files.hasNext()) {
            close();
            return false;
          }
          openFile(files.next());
        } finally {
          readNanos += System.nanoTime() - started;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean nextSelected() {
    while (++position < size) {
      if (selection == null || (!selection.isNullAt(position) && selection.getBoolean(position))) {
        return true;
      }
    }
    vectors = null;
    return false;
  }

  private void open(FilteredColumnarBatch batch) {
    ColumnarBatch data = batch.getData();
    vectors = new ColumnVector[width];
    for (int c = 0; c < width; c++) {
      vectors[c] = data.getColumnVector(c);
    }
    selection = batch.getSelectionVector().orElse(null);
    size = data.getSize();
    position = -1;
  }

  private void openFile(Row scanFile) throws IOException {
    FileStatus status = InternalScanFileUtils.getAddFileStatus(scanFile);
    CloseableIterator<ColumnarBatch> physical = engine.getParquetHandler()
        .readParquetFiles(Utils.singletonCloseableIterator(status), physicalSchema, Optional.empty())
        .map(FileReadResult::getData);
    batches = Scan.transformPhysicalData(engine, scanState, scanFile, physical);
    filesRead++;
    bytesRead += status.getSize();
  }

  private void closeBatches() throws IOException {
    if (batches != null) {
      batches.close();
      batches = null;
    }
    vectors = null;
  }

  void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      closeBatches();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      onClose.run();
    }
  }

  /** Hears how much a scan read. */
  @FunctionalInterface
  interface ReadReport {
    void done(int files, long bytes, long rows, long nanos);
  }
}
