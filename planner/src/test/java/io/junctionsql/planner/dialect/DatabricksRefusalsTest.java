package io.junctionsql.planner.dialect;

import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each construct Spark cannot compute as Calcite does is refused by the dialect's supports* answers and
 * by {@link DatabricksRefusals#refusal}, so that Calcite keeps it in Junction; and constructs Spark can
 * compute are accepted, so that a refusal list saying no to everything would fail here too.
 */
class DatabricksRefusalsTest {
  private static final DatabricksSqlDialect DBX = DatabricksSqlDialect.DEFAULT;
  private static final RelDataTypeFactory TYPES = new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT);
  private static final RelDataType INTEGER = type(SqlTypeName.INTEGER);
  private static final RelDataType DOUBLE = type(SqlTypeName.DOUBLE);
  private static final RelDataType VARCHAR = TYPES.createSqlType(SqlTypeName.VARCHAR, 100);
  private static final RelDataType BOOLEAN = type(SqlTypeName.BOOLEAN);
  private static final RelDataType DATE = type(SqlTypeName.DATE);
  private static final RelDataType TIME = type(SqlTypeName.TIME);
  private static final RelDataType TIMESTAMP = type(SqlTypeName.TIMESTAMP);
  private static final RelDataType SYMBOL = type(SqlTypeName.SYMBOL);
  private static final RelDataType DAYS = TYPES.createSqlIntervalType(
      new SqlIntervalQualifier(TimeUnit.DAY, null, SqlParserPos.ZERO));

  @Test void filterClausesAreWrittenButNestedAggregatesAreNot() {
    assertThat(DBX.supportsAggregateFunctionFilter()).isTrue();
    assertThat(DBX.supportsNestedAggregations()).isFalse();
  }

  @Test void characterSetsAndCollationsAreNeverWritten() {
    assertThat(DBX.supportsCharSet()).isFalse();
  }

  @Test void everyRefusedAggregateIsRefusedWithAReason() {
    assertThat(DatabricksRefusals.REFUSED_AGGREGATES).isNotEmpty();
    DatabricksRefusals.REFUSED_AGGREGATES.forEach((kind, reason) -> {
      assertThat(reason).as(kind.name()).isNotBlank();
      assertThat(DBX.supportsAggregateFunction(kind)).as(kind + ": " + reason).isFalse();
    });
  }

  @Test void listaggAndArrayAggAreRefused() {
    for (SqlKind kind : List.of(SqlKind.LISTAGG, SqlKind.STRING_AGG, SqlKind.ARRAY_AGG, SqlKind.MODE)) {
      assertThat(DBX.supportsAggregateFunction(kind)).as(kind.name()).isFalse();
    }
  }

  @Test void everyRefusedOperatorIsRefusedWithAReason() {
    assertThat(DatabricksRefusals.REFUSED_OPERATORS).isNotEmpty();
    for (Map.Entry<SqlOperator, String> e : DatabricksRefusals.REFUSED_OPERATORS.entrySet()) {
      assertThat(e.getValue()).as(e.getKey().getName()).isNotBlank();
      assertThat(DBX.supportsFunction(e.getKey(), VARCHAR, List.of(VARCHAR, VARCHAR)))
          .as(e.getKey().getName() + ": " + e.getValue()).isFalse();
      assertThat(DatabricksRefusals.refusal(e.getKey(), VARCHAR, List.of(VARCHAR, VARCHAR)))
          .isEqualTo(e.getValue());
    }
  }

  @Test void similarToAndNumericTruncateAreRefused() {
    assertThat(DBX.supportsFunction(SqlStdOperatorTable.SIMILAR_TO, BOOLEAN, List.of(VARCHAR, VARCHAR))).isFalse();
    assertThat(DBX.supportsFunction(SqlStdOperatorTable.TRUNCATE, DOUBLE, List.of(DOUBLE, INTEGER))).isFalse();
  }

  @Test void roundingADateUpIsRefusedButRoundingItDownIsNot() {
    assertThat(DBX.supportsFunction(SqlStdOperatorTable.CEIL, TIMESTAMP, List.of(TIMESTAMP, SYMBOL))).isFalse();
    assertThat(DBX.supportsFunction(SqlStdOperatorTable.FLOOR, TIMESTAMP, List.of(TIMESTAMP, SYMBOL))).isTrue();
    assertThat(DBX.supportsFunction(SqlStdOperatorTable.CEIL, DOUBLE, List.of(DOUBLE))).isTrue();
  }

  @Test void castsOfTextOrNumbersToBooleanAreRefused() {
    assertThat(DatabricksRefusals.refusal(SqlStdOperatorTable.CAST, BOOLEAN, List.of(VARCHAR))).contains("'yes'");
    assertThat(DBX.supportsFunction(SqlStdOperatorTable.CAST, BOOLEAN, List.of(INTEGER))).isFalse();
    assertThat(DBX.supportsFunction(SqlStdOperatorTable.CAST, VARCHAR, List.of(INTEGER))).isTrue();
  }

  @Test void intervalsAreRefusedAsValues() {
    assertThat(DBX.supportsDataType(DAYS)).isFalse();
    assertThat(DBX.supportsFunction(SqlStdOperatorTable.CAST, DAYS, List.of(INTEGER))).isFalse();
    // Subtracting two timestamps gives an interval.
    assertThat(DBX.supportsFunction(SqlStdOperatorTable.MINUS_DATE, DAYS, List.of(TIMESTAMP, TIMESTAMP)))
        .isFalse();
  }

  @Test void dateArithmeticIsAccepted() {
    assertThat(DBX.supportsFunction(SqlStdOperatorTable.DATETIME_PLUS, TIMESTAMP, List.of(TIMESTAMP, DAYS)))
        .isTrue();
    assertThat(DBX.supportsFunction(SqlStdOperatorTable.MINUS_DATE, DATE, List.of(DATE, DAYS))).isTrue();
  }

  @Test void timeOfDayIsRefusedSinceSparkHasNoTimeType() {
    assertThat(DBX.supportsDataType(TIME)).isFalse();
    assertThat(DBX.supportsFunction(SqlStdOperatorTable.DATETIME_PLUS, TIME, List.of(TIME, DAYS))).isFalse();
    assertThat(DBX.supportsFunction(SqlStdOperatorTable.CURRENT_TIME, TIME, List.of())).isFalse();
  }

  @Test void typesSparkLacksAreRefused() {
    assertThat(DBX.supportsDataType(type(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE))).isFalse();
    assertThat(DBX.supportsDataType(TYPES.createArrayType(INTEGER, -1))).isFalse();
    assertThat(DBX.supportsDataType(TYPES.createSqlType(SqlTypeName.DECIMAL, 10, 12))).isFalse();
    assertThat(DBX.supportsDataType(INTEGER)).isTrue();
    assertThat(DBX.supportsDataType(TYPES.createSqlType(SqlTypeName.DECIMAL, 38, 10))).isTrue();
  }

  @Test void operatorsTheDialectDoesNotKnowAreRefused() {
    assertThat(DatabricksRefusals.refusal(SqlLibraryOperators.DIFFERENCE, INTEGER, List.of(VARCHAR, VARCHAR)))
        .contains("does not know");
  }

  @Test void regexpReplaceIsAcceptedWithAStartPositionButNotWithAnOccurrence() {
    assertThat(DBX.supportsFunction(SqlLibraryOperators.REGEXP_REPLACE_3, VARCHAR,
        List.of(VARCHAR, VARCHAR, VARCHAR))).isTrue();
    assertThat(DBX.supportsFunction(SqlLibraryOperators.REGEXP_REPLACE_4, VARCHAR,
        List.of(VARCHAR, VARCHAR, VARCHAR, INTEGER))).isTrue();
    assertThat(DBX.supportsFunction(SqlLibraryOperators.REGEXP_REPLACE_5, VARCHAR,
        List.of(VARCHAR, VARCHAR, VARCHAR, INTEGER, INTEGER))).isFalse();
  }

  @Test void anOperandOfATypeSparkLacksIsRefused() {
    assertThat(DatabricksRefusals.refusal(SqlStdOperatorTable.EXTRACT, INTEGER, List.of(SYMBOL, TIME)))
        .contains("TIME");
  }

  @Test void whatSparkComputesIsAccepted() {
    for (SqlKind kind : List.of(SqlKind.COUNT, SqlKind.SUM, SqlKind.AVG, SqlKind.MIN, SqlKind.MAX,
        SqlKind.STDDEV_SAMP, SqlKind.VAR_POP, SqlKind.GROUPING, SqlKind.ROLLUP, SqlKind.CUBE,
        SqlKind.GROUPING_SETS, SqlKind.SINGLE_VALUE)) {
      assertThat(DBX.supportsAggregateFunction(kind)).as(kind.name()).isTrue();
    }
    assertThat(DBX.supportsFunction(SqlStdOperatorTable.UPPER, VARCHAR, List.of(VARCHAR))).isTrue();
    assertThat(DBX.supportsFunction(SqlStdOperatorTable.POSITION, INTEGER, List.of(VARCHAR, VARCHAR))).isTrue();
    assertThat(DBX.supportsFunction(SqlStdOperatorTable.EXTRACT, INTEGER, List.of(SYMBOL, DATE))).isTrue();
    assertThat(DBX.supportsFunction(SqlStdOperatorTable.LIKE, BOOLEAN, List.of(VARCHAR, VARCHAR))).isTrue();
    assertThat(DBX.supportsFunction(SqlLibraryOperators.LPAD, VARCHAR, List.of(VARCHAR, INTEGER, VARCHAR)))
        .isTrue();
    assertThat(DatabricksRefusals.refusal(SqlStdOperatorTable.EQUALS, BOOLEAN, List.of(INTEGER, INTEGER))).isNull();
  }

  private static RelDataType type(SqlTypeName name) {
    return TYPES.createSqlType(name);
  }
}
