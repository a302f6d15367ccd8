package io.junctionsql.planner.runtime;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's type limits, widened to what the sources hold: DECIMAL up to 38 digits (HANA, Delta,
 * Databricks and PostgreSQL amounts exceed Calcite's default of 19).
 */
public final class JunctionTypeSystem extends RelDataTypeSystemImpl {
  public static final JunctionTypeSystem INSTANCE = new JunctionTypeSystem();
  private static final int MAX_DECIMAL = 38;

  @Override public int getMaxPrecision(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL : super.getMaxPrecision(typeName);
  }

  @Override public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL : super.getMaxScale(typeName);
  }

  /**
   * SUM of an integer column is a BIGINT, as in PostgreSQL, HANA and Spark: summing a TINYINT as a
   * TINYINT overflows after a few rows.
   */
  @Override public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    switch (argumentType.getSqlTypeName()) {
    case TINYINT:
    case SMALLINT:
    case INTEGER:
      return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.BIGINT),
          argumentType.isNullable());
    default:
      return super.deriveSumType(typeFactory, argumentType);
    }
  }

  @Override public boolean shouldConvertRaggedUnionTypesToVarying() {
    // CASE 'a' ELSE 'abc' END should be VARCHAR, not CHAR(3) padded with blanks.
    return true;
  }
}
