package io.junctionsql.planner.dialect;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlAlienSystemTypeNameSpec;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The HANA name of each type Calcite casts to. HANA's TINYINT is unsigned (0 to 255), so Calcite's signed
 * TINYINT becomes SMALLINT; strings become NVARCHAR so that no character is lost; HANA has no NUMERIC,
 * no DOUBLE PRECISION and no precision on TIME or TIMESTAMP.
 */
final class HanaCasts {
  /** The longest NVARCHAR and VARBINARY; longer values need a LOB. */
  static final int MAX_VARYING_LENGTH = 5000;
  static final int MAX_DECIMAL_PRECISION = 38;
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private HanaCasts() {
  }

  /** The type to write in {@code CAST(x AS type)}, or null for a type HANA lacks. */
  static @Nullable SqlDataTypeSpec castSpec(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    switch (name) {
    case TINYINT:
    case SMALLINT:
      return spec(SqlTypeName.SMALLINT);
    case INTEGER:
    case BIGINT:
    case REAL:
    case BOOLEAN:
    case DATE:
    case TIME:
    case TIMESTAMP:
      return spec(name);
    case FLOAT:
    case DOUBLE:
      return spec(SqlTypeName.DOUBLE);
    case DECIMAL:
      return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL,
          Math.min(type.getPrecision(), MAX_DECIMAL_PRECISION), type.getScale(), POS), POS);
    case CHAR:
      // Kept as CHAR here so that the CAST call can add the blank padding HANA's types do not have.
      return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.CHAR, type.getPrecision(), POS), POS);
    case VARCHAR:
      return varying("NVARCHAR", "NCLOB", type, SqlTypeName.VARCHAR);
    case BINARY:
    case VARBINARY:
      return varying("VARBINARY", "BLOB", type, SqlTypeName.VARBINARY);
    default:
      return null;
    }
  }

  /**
   * {@code CAST(x AS CHAR(n))} as {@code RPAD(CAST(x AS NVARCHAR(n)), n)}: HANA Cloud has no CHAR type,
   * and Calcite's CHAR is padded with blanks to its length.
   */
  static @Nullable SqlNode rewrite(SqlCall call) {
    if (call.getKind() != SqlKind.CAST || call.operandCount() != 2
        || !(call.operand(1) instanceof SqlDataTypeSpec)) {
      return null;
    }
    SqlDataTypeSpec target = call.operand(1);
    if (!(target.getTypeNameSpec() instanceof SqlBasicTypeNameSpec)
        || target.getTypeNameSpec() instanceof SqlAlienSystemTypeNameSpec
        || !"CHAR".equals(target.getTypeName().getSimple())) {
      return null;
    }
    int length = Math.max(((SqlBasicTypeNameSpec) target.getTypeNameSpec()).getPrecision(), 1);
    SqlDataTypeSpec nvarchar = alien("NVARCHAR(" + length + ")", SqlTypeName.VARCHAR);
    SqlNode cast = SqlStdOperatorTable.CAST.createCall(POS, call.operand(0), nvarchar);
    return HanaFunctions.RPAD.createCall(POS, cast, SqlLiteral.createExactNumeric(Integer.toString(length), POS));
  }

  static SqlDataTypeSpec spec(SqlTypeName name) {
    return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(name, POS), POS);
  }

  private static SqlDataTypeSpec varying(String hanaName, String lobName, RelDataType type, SqlTypeName calciteName) {
    int length = type.getPrecision();
    if (length == RelDataType.PRECISION_NOT_SPECIFIED) {
      // An unbounded string is almost always a number or date being turned into text; a LOB could
      // not be compared, grouped or sorted in HANA, so the longest NVARCHAR serves better.
      return alien(hanaName + "(" + MAX_VARYING_LENGTH + ")", calciteName);
    }
    if (length > MAX_VARYING_LENGTH) {
      return alien(lobName, calciteName);
    }
    return alien(hanaName + "(" + length + ")", calciteName);
  }

  private static SqlDataTypeSpec alien(String hanaType, SqlTypeName calciteName) {
    return new SqlDataTypeSpec(new SqlAlienSystemTypeNameSpec(hanaType, calciteName, POS), POS);
  }
}
