package io.junctionsql.planner.source.delta;

import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Delta types as SQL types. Arrays, maps and structs are shown as their JSON text (VARCHAR), which
 * every client can read; timestamps keep milliseconds, Calcite's runtime precision.
 */
final class DeltaTypes {
  private DeltaTypes() {
  }

  static RelDataType rowType(StructType schema, RelDataTypeFactory f) {
    RelDataTypeFactory.Builder b = f.builder();
    for (StructField field : schema.fields()) {
      b.add(field.getName(), f.createTypeWithNullability(toSql(field.getDataType(), f), field.isNullable()));
    }
    return b.build();
  }

  static RelDataType toSql(DataType t, RelDataTypeFactory f) {
    if (t instanceof BooleanType) {
      return f.createSqlType(SqlTypeName.BOOLEAN);
    } else if (t instanceof ByteType) {
      return f.createSqlType(SqlTypeName.TINYINT);
    } else if (t instanceof ShortType) {
      return f.createSqlType(SqlTypeName.SMALLINT);
    } else if (t instanceof IntegerType) {
      return f.createSqlType(SqlTypeName.INTEGER);
    } else if (t instanceof LongType) {
      return f.createSqlType(SqlTypeName.BIGINT);
    } else if (t instanceof FloatType) {
      return f.createSqlType(SqlTypeName.REAL);
    } else if (t instanceof DoubleType) {
      return f.createSqlType(SqlTypeName.DOUBLE);
    } else if (t instanceof DecimalType) {
      DecimalType d = (DecimalType) t;
      return f.createSqlType(SqlTypeName.DECIMAL, d.getPrecision(), d.getScale());
    } else if (t instanceof StringType) {
      return f.createSqlType(SqlTypeName.VARCHAR);
    } else if (t instanceof BinaryType) {
      return f.createSqlType(SqlTypeName.VARBINARY);
    } else if (t instanceof DateType) {
      return f.createSqlType(SqlTypeName.DATE);
    } else if (t instanceof TimestampType || t instanceof TimestampNTZType) {
      return f.createSqlType(SqlTypeName.TIMESTAMP, 3);
    } else if (t instanceof ArrayType || t instanceof MapType || t instanceof StructType) {
      return f.createSqlType(SqlTypeName.VARCHAR);
    }
    // Variant, geospatial and future types: their text form.
    return f.createSqlType(SqlTypeName.VARCHAR);
  }

  /** True for types whose values Kernel compares in predicates and keeps statistics for. */
  static boolean isSkippable(DataType t) {
    return !(t instanceof ArrayType || t instanceof MapType || t instanceof StructType || t instanceof BinaryType);
  }
}
