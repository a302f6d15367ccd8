package io.junctionsql.planner.source.delta.write;

import io.junctionsql.planner.source.delta.HadoopLogin;

import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.Table;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionBuilder;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;

import org.apache.hadoop.conf.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a Delta table through Kernel's write API: each {@link #append} is one commit, rows grouped by
 * partition and cut into files of at most {@code rowsPerFile} rows, each file with its min/max/null
 * statistics in the log, so that readers can skip it.
 */
public final class DeltaTableWriter {
  private static final String ENGINE_INFO = "Junction";

  private final Engine engine;
  private final String path;
  private final StructType schema;
  private final List<String> partitionColumns;
  private final Map<String, String> properties;

  public DeltaTableWriter(String path, StructType schema, List<String> partitionColumns) {
    this(path, schema, partitionColumns, Map.of());
  }

  /**
   * @param path the table's folder
   * @param schema its columns
   * @param partitionColumns the columns it is partitioned by, possibly none
   * @param properties table properties set when the table is created
   */
  public DeltaTableWriter(String path, StructType schema, List<String> partitionColumns,
      Map<String, String> properties) {
    HadoopLogin.ensure();
    this.engine = DefaultEngine.create(new Configuration());
    this.path = path;
    this.schema = schema;
    this.partitionColumns = List.copyOf(partitionColumns);
    this.properties = Map.copyOf(properties);
  }

  /** Creates the table, empty. Returns its version (0). */
  public long create() {
    return commit(Operation.CREATE_TABLE, List.of(), 1);
  }

  /** Appends rows in one commit; returns the new version. Creates the table if it does not exist. */
  public long append(List<Object[]> rows, int rowsPerFile) {
    boolean exists;
    try {
      Table.forPath(engine, path).getLatestSnapshot(engine);
      exists = true;
    } catch (io.delta.kernel.exceptions.TableNotFoundException e) {
      exists = false;
    }
    return commit(exists ? Operation.WRITE : Operation.CREATE_TABLE, rows, rowsPerFile);
  }

  private long commit(Operation operation, List<Object[]> rows, int rowsPerFile) {
    try {
      TransactionBuilder builder = Table.forPath(engine, path).createTransactionBuilder(engine, ENGINE_INFO,
          operation);
      if (operation == Operation.CREATE_TABLE) {
        builder = builder.withSchema(engine, schema).withPartitionColumns(engine, partitionColumns);
        if (!properties.isEmpty()) {
          builder = builder.withTableProperties(engine, properties);
        }
      }
      Transaction txn = builder.build(engine);
      Row state = txn.getTransactionState(engine);
      List<Row> actions = new ArrayList<>();
      for (Map.Entry<List<Object>, List<Object[]>> partition : byPartition(rows).entrySet()) {
        Map<String, Literal> partitionValues = partitionLiterals(partition.getKey());
        List<Object[]> partRows = partition.getValue();
        for (int from = 0; from < partRows.size(); from += rowsPerFile) {
          List<Object[]> chunk = partRows.subList(from, Math.min(partRows.size(), from + rowsPerFile));
          writeFile(state, partitionValues, chunk).forEachRemaining(actions::add);
        }
      }
      TransactionCommitResult result = txn.commit(engine, CloseableIterable.inMemoryIterable(
          io.delta.kernel.internal.util.Utils.toCloseableIterator(actions.iterator())));
      return result.getVersion();
    } catch (IOException e) {
      throw new UncheckedIOException("writing Delta table " + path + " failed", e);
    }
  }

  private CloseableIterator<Row> writeFile(Row state, Map<String, Literal> partitionValues, List<Object[]> rows)
      throws IOException {
    FilteredColumnarBatch batch = new FilteredColumnarBatch(new RowBatch(schema, rows), Optional.empty());
    CloseableIterator<FilteredColumnarBatch> physical = Transaction.transformLogicalData(engine, state,
        io.delta.kernel.internal.util.Utils.singletonCloseableIterator(batch), partitionValues);
    DataWriteContext context = Transaction.getWriteContext(engine, state, partitionValues);
    CloseableIterator<DataFileStatus> files = engine.getParquetHandler().writeParquetFiles(
        context.getTargetDirectory(), physical, context.getStatisticsColumns());
    return Transaction.generateAppendActions(engine, state, files, context);
  }

  private Map<List<Object>, List<Object[]>> byPartition(List<Object[]> rows) {
    Map<List<Object>, List<Object[]>> out = new LinkedHashMap<>();
    for (Object[] row : rows) {
      List<Object> key = new ArrayList<>();
      for (String p : partitionColumns) {
        key.add(row[schema.indexOf(p)]);
      }
      out.computeIfAbsent(Collections.unmodifiableList(key), k -> new ArrayList<>()).add(row);
    }
    return out;
  }

  private Map<String, Literal> partitionLiterals(List<Object> values) {
    Map<String, Literal> out = new LinkedHashMap<>();
    for (int i = 0; i < partitionColumns.size(); i++) {
      String column = partitionColumns.get(i);
      out.put(column, literal(schema.get(column).getDataType(), values.get(i)));
    }
    return out;
  }

  static Literal literal(DataType type, Object v) {
    if (v == null) {
      return Literal.ofNull(type);
    } else if (type instanceof BooleanType) {
      return Literal.ofBoolean((Boolean) v);
    } else if (type instanceof ByteType) {
      return Literal.ofByte(((Number) v).byteValue());
    } else if (type instanceof ShortType) {
      return Literal.ofShort(((Number) v).shortValue());
    } else if (type instanceof IntegerType) {
      return Literal.ofInt(((Number) v).intValue());
    } else if (type instanceof LongType) {
      return Literal.ofLong(((Number) v).longValue());
    } else if (type instanceof FloatType) {
      return Literal.ofFloat(((Number) v).floatValue());
    } else if (type instanceof DoubleType) {
      return Literal.ofDouble(((Number) v).doubleValue());
    } else if (type instanceof DecimalType) {
      DecimalType d = (DecimalType) type;
      return Literal.ofDecimal((BigDecimal) v, d.getPrecision(), d.getScale());
    } else if (type instanceof StringType) {
      return Literal.ofString((String) v);
    } else if (type instanceof DateType) {
      return Literal.ofDate((int) ((LocalDate) v).toEpochDay());
    } else if (type instanceof TimestampType) {
      Instant i = (Instant) v;
      return Literal.ofTimestamp(i.getEpochSecond() * 1_000_000L + i.getNano() / 1000L);
    } else if (type instanceof TimestampNTZType) {
      Instant i = ((LocalDateTime) v).toInstant(ZoneOffset.UTC);
      return Literal.ofTimestampNtz(i.getEpochSecond() * 1_000_000L + i.getNano() / 1000L);
    }
    throw new IllegalArgumentException("cannot partition by a column of type " + type);
  }
}
