package io.junctionsql.planner.source.datasphere;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.Locale;

/** HANA's column types, as {@code SYS.VIEW_COLUMNS.DATA_TYPE_NAME} names them, as SQL types. */
final class HanaTypes {
  private static final int MAX_DECIMAL = 38;
  /** A bare DECIMAL in HANA is a decimal float; this is the fixed scale it is read with. */
  private static final int FLOATING_DECIMAL_SCALE = 10;

  private HanaTypes() {
  }

  static RelDataType toType(RelDataTypeFactory f, String typeName, int length, int scale) {
    String t = typeName.toUpperCase(Locale.ROOT);
    switch (t) {
    case "BOOLEAN":
      return f.createSqlType(SqlTypeName.BOOLEAN);
    case "TINYINT": // unsigned in HANA, up to 255
    case "SMALLINT":
      return f.createSqlType(SqlTypeName.SMALLINT);
    case "INTEGER":
      return f.createSqlType(SqlTypeName.INTEGER);
    case "BIGINT":
      return f.createSqlType(SqlTypeName.BIGINT);
    case "REAL":
      return f.createSqlType(SqlTypeName.REAL);
    case "DOUBLE":
    case "FLOAT":
      return f.createSqlType(SqlTypeName.DOUBLE);
    case "DECIMAL":
    case "SMALLDECIMAL":
      if (length <= 0 || length > MAX_DECIMAL) {
        return f.createSqlType(SqlTypeName.DECIMAL, MAX_DECIMAL, FLOATING_DECIMAL_SCALE);
      }
      return f.createSqlType(SqlTypeName.DECIMAL, length, Math.max(0, Math.min(scale, length)));
    case "DATE":
      return f.createSqlType(SqlTypeName.DATE);
    case "TIME":
      return f.createSqlType(SqlTypeName.TIME, 0);
    case "SECONDDATE":
      return f.createSqlType(SqlTypeName.TIMESTAMP, 0);
    case "TIMESTAMP":
    case "LONGDATE":
      return f.createSqlType(SqlTypeName.TIMESTAMP, 3);
    case "VARBINARY":
    case "BINARY":
    case "BLOB":
      return f.createSqlType(SqlTypeName.VARBINARY);
    case "VARCHAR":
    case "NVARCHAR":
    case "ALPHANUM":
    case "SHORTTEXT":
    case "CHAR":
    case "NCHAR":
      return length > 0 ? f.createSqlType(SqlTypeName.VARCHAR, length) : f.createSqlType(SqlTypeName.VARCHAR);
    default:
      // CLOB, NCLOB, TEXT, ST_GEOMETRY and anything newer: read as text.
      return f.createSqlType(SqlTypeName.VARCHAR);
    }
  }
}
