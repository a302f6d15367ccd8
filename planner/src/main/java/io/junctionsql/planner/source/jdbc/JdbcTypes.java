package io.junctionsql.planner.source.jdbc;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

import java.sql.Types;

/** Maps a column as {@code DatabaseMetaData.getColumns} reports it to a Calcite type. */
final class JdbcTypes {
  /** Precision used when a source reports none or an absurd one (PostgreSQL's bare NUMERIC). */
  static final int MAX_DECIMAL_PRECISION = 38;
  static final int UNBOUNDED_DECIMAL_SCALE = 10;

  private JdbcTypes() {
  }

  static RelDataType toType(RelDataTypeFactory f, int jdbcType, int size, int digits) {
    switch (jdbcType) {
    case Types.BIT:
    case Types.BOOLEAN:
      return f.createSqlType(SqlTypeName.BOOLEAN);
    case Types.TINYINT:
      // HANA's and MySQL's unsigned TINYINT reach 255, past Calcite's signed TINYINT.
    case Types.SMALLINT:
      return f.createSqlType(SqlTypeName.SMALLINT);
    case Types.INTEGER:
      return f.createSqlType(SqlTypeName.INTEGER);
    case Types.BIGINT:
      return f.createSqlType(SqlTypeName.BIGINT);
    case Types.REAL:
      return f.createSqlType(SqlTypeName.REAL);
    case Types.FLOAT:
    case Types.DOUBLE:
      return f.createSqlType(SqlTypeName.DOUBLE);
    case Types.NUMERIC:
    case Types.DECIMAL:
      if (size <= 0 || size > MAX_DECIMAL_PRECISION) {
        return f.createSqlType(SqlTypeName.DECIMAL, MAX_DECIMAL_PRECISION,
            digits > 0 && digits <= MAX_DECIMAL_PRECISION ? digits : UNBOUNDED_DECIMAL_SCALE);
      }
      return f.createSqlType(SqlTypeName.DECIMAL, size, Math.max(0, Math.min(digits, size)));
    case Types.CHAR:
    case Types.NCHAR:
      return size > 0 && size < 65536 ? f.createSqlType(SqlTypeName.CHAR, size) : varchar(f, -1);
    case Types.VARCHAR:
    case Types.NVARCHAR:
    case Types.LONGVARCHAR:
    case Types.LONGNVARCHAR:
    case Types.CLOB:
    case Types.NCLOB:
      return varchar(f, size);
    case Types.DATE:
      return f.createSqlType(SqlTypeName.DATE);
    case Types.TIME:
    case Types.TIME_WITH_TIMEZONE:
      return f.createSqlType(SqlTypeName.TIME, fractionalDigits(digits));
    case Types.TIMESTAMP:
    case Types.TIMESTAMP_WITH_TIMEZONE:
      // An instant (PostgreSQL timestamptz) is read as JDBC reads it: a Timestamp in the client's zone.
      // Calcite's runtime cannot carry TIMESTAMP WITH LOCAL TIME ZONE from a JDBC source.
      return f.createSqlType(SqlTypeName.TIMESTAMP, fractionalDigits(digits));
    case Types.BINARY:
    case Types.VARBINARY:
    case Types.LONGVARBINARY:
    case Types.BLOB:
      return size > 0 && size < 65536 && jdbcType != Types.BLOB
          ? f.createSqlType(SqlTypeName.VARBINARY, size) : f.createSqlType(SqlTypeName.VARBINARY);
    default:
      // uuid, json, xml, intervals, arrays and other vendor types: read as their text form.
      return varchar(f, -1);
    }
  }

  private static RelDataType varchar(RelDataTypeFactory f, int size) {
    return size > 0 && size < 65536
        ? f.createSqlType(SqlTypeName.VARCHAR, size)
        : f.createSqlType(SqlTypeName.VARCHAR);
  }

  private static int fractionalDigits(int digits) {
    // Calcite carries times in milliseconds; more digits would promise what it cannot keep.
    return digits < 0 ? 0 : Math.min(digits, 3);
  }
}
