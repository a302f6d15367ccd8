package io.junctionsql.planner.dialect;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlAlienSystemTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The Spark name of each type Calcite casts to. Spark's INTEGER is INT; its FLOAT is 4 bytes, Calcite's
 * REAL, while Calcite's FLOAT is 8 bytes, a DOUBLE; text of any length is STRING (Spark rejects casts
 * to VARCHAR(n) and CHAR(n), see {@link DatabricksTextCasts} for the length); BINARY has no length;
 * TIMESTAMP has no precision (Spark keeps microseconds); DECIMAL goes up to 38 digits. Spark has no
 * TIME and no INTERVAL that a JDBC client could read, so those have no name here.
 */
final class DatabricksCasts {
  static final int MAX_DECIMAL_PRECISION = 38;
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private DatabricksCasts() {
  }

  /** The type to write in {@code CAST(x AS type)}, or null for a type Spark lacks. */
  static @Nullable SqlDataTypeSpec castSpec(RelDataType type) {
    switch (type.getSqlTypeName()) {
    case TINYINT:
      return spec("TINYINT", type);
    case SMALLINT:
      return spec("SMALLINT", type);
    case INTEGER:
      return spec("INT", type);
    case BIGINT:
      return spec("BIGINT", type);
    case REAL:
      return spec("FLOAT", type);
    case FLOAT:
    case DOUBLE:
      return spec("DOUBLE", type);
    case DECIMAL:
      int precision = Math.min(type.getPrecision(), MAX_DECIMAL_PRECISION);
      int scale = type.getScale();
      // Spark refuses negative scales and scales above the precision.
      return scale < 0 || scale > precision ? null
          : spec("DECIMAL(" + precision + ", " + scale + ")", type);
    case BOOLEAN:
      return spec("BOOLEAN", type);
    case DATE:
      return spec("DATE", type);
    case TIMESTAMP:
      return spec("TIMESTAMP", type);
    case CHAR:
    case VARCHAR:
      return spec("STRING", type);
    case BINARY:
    case VARBINARY:
      return spec("BINARY", type);
    default:
      return null;
    }
  }

  private static SqlDataTypeSpec spec(String sparkName, RelDataType type) {
    return new SqlDataTypeSpec(new SqlAlienSystemTypeNameSpec(sparkName, type.getSqlTypeName(), POS), POS);
  }
}
