package io.junctionsql.bench.tpch;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchColumnType;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;

import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How a TPC-H column is typed in each place it is stored. The generator gives money and quantities as
 * doubles; the specification's type is a decimal, so both PostgreSQL and Delta store DECIMAL(15,2) made
 * from the same rounding, and the two hold exactly the same values.
 */
final class TpchColumns {
  private TpchColumns() {
  }

  static String postgresType(TpchColumn<?> column) {
    TpchColumnType type = column.getType();
    return switch (type.getBase()) {
      case INTEGER -> "integer";
      case IDENTIFIER -> "bigint";
      case DATE -> "date";
      case DOUBLE -> "numeric(15,2)";
      case VARCHAR -> "varchar(" + type.getPrecision().orElseThrow() + ")";
    };
  }

  static DataType deltaType(TpchColumn<?> column) {
    return switch (column.getType().getBase()) {
      case INTEGER -> IntegerType.INTEGER;
      case IDENTIFIER -> LongType.LONG;
      case DATE -> DateType.DATE;
      case DOUBLE -> new DecimalType(15, 2);
      case VARCHAR -> StringType.STRING;
    };
  }

  static StructType deltaSchema(TpchTable<?> table) {
    List<StructField> fields = new ArrayList<>();
    for (TpchColumn<?> c : table.getColumns()) {
      fields.add(new StructField(c.getColumnName(), deltaType(c), false));
    }
    return new StructType(fields);
  }

  /** One generated row as the Delta writer takes it. */
  static <E extends TpchEntity> Object[] values(TpchTable<E> table, E entity) {
    List<TpchColumn<E>> columns = table.getColumns();
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      TpchColumn<E> c = columns.get(i);
      row[i] = switch (c.getType().getBase()) {
        case INTEGER -> c.getInteger(entity);
        case IDENTIFIER -> c.getIdentifier(entity);
        case DATE -> LocalDate.ofEpochDay(c.getDate(entity));
        case DOUBLE -> decimal(c.getDouble(entity));
        case VARCHAR -> c.getString(entity);
      };
    }
    return row;
  }

  static BigDecimal decimal(double d) {
    return BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP);
  }
}
