package io.junctionsql.planner.source.delta.write;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;

import java.util.ArrayList;
import java.util.List;

/** Rows to write, turned column-wise for Kernel. */
final class RowBatch implements ColumnarBatch {
  private final StructType schema;
  private final List<ColumnVector> columns;
  private final int size;

  RowBatch(StructType schema, List<Object[]> rows) {
    this.schema = schema;
    this.size = rows.size();
    this.columns = new ArrayList<>();
    for (int c = 0; c < schema.length(); c++) {
      List<Object> values = new ArrayList<>(rows.size());
      for (Object[] row : rows) {
        values.add(row[c]);
      }
      columns.add(new ValueVector(schema.at(c).getDataType(), values));
    }
  }

  private RowBatch(StructType schema, List<ColumnVector> columns, int size) {
    this.schema = schema;
    this.columns = columns;
    this.size = size;
  }

  @Override public StructType getSchema() {
    return schema;
  }

  @Override public ColumnVector getColumnVector(int ordinal) {
    return columns.get(ordinal);
  }

  @Override public int getSize() {
    return size;
  }

  // Kernel drops partition columns and renames to physical names while preparing a write.

  @Override public ColumnarBatch withDeletedColumnAt(int ordinal) {
    List<StructField> fields = new ArrayList<>(schema.fields());
    fields.remove(ordinal);
    List<ColumnVector> vectors = new ArrayList<>(columns);
    vectors.remove(ordinal);
    return new RowBatch(new StructType(fields), vectors, size);
  }

  @Override public ColumnarBatch withNewColumn(int ordinal, StructField field, ColumnVector vector) {
    List<StructField> fields = new ArrayList<>(schema.fields());
    fields.add(ordinal, field);
    List<ColumnVector> vectors = new ArrayList<>(columns);
    vectors.add(ordinal, vector);
    return new RowBatch(new StructType(fields), vectors, size);
  }

  @Override public ColumnarBatch withNewSchema(StructType newSchema) {
    for (int i = 0; i < newSchema.length(); i++) {
      DataType want = newSchema.at(i).getDataType();
      if (!want.equivalent(schema.at(i).getDataType())) {
        throw new IllegalArgumentException("column " + i + " changes type from " + schema.at(i).getDataType()
            + " to " + want);
      }
    }
    return new RowBatch(newSchema, columns, size);
  }
}
