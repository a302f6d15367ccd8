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
 * Each construct HANA cannot compute as Calcite does is refused by the dialect's supports* answers, so
 * that Calcite keeps it in Junction; and constructs HANA can compute are accepted, so that a refusal
 * list that says no to everything would fail here too.
 */
class HanaRefusalsTest {
  private static final HanaSqlDialect HANA = HanaSqlDialect.DEFAULT;
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

  @Test void aggregateFilterClausesStayInJunction() {
    assertThat(HANA.supportsAggregateFunctionFilter()).isFalse();
  }

  @Test void nestedAggregatesStayInJunction() {
    assertThat(HANA.supportsNestedAggregations()).isFalse();
  }

  @Test void approximateCountsStayInJunction() {
    assertThat(HANA.supportsApproxCountDistinct()).isFalse();
  }

  @Test void characterSetsAndCollationsAreNeverWritten() {
    assertThat(HANA.supportsCharSet()).isFalse();
  }

  @Test void everyRefusedAggregateIsRefused() {
    assertThat(HanaRefusals.REFUSED_AGGREGATES).isNotEmpty();
    HanaRefusals.REFUSED_AGGREGATES.forEach((kind, reason) -> {
      assertThat(reason).as(kind.name()).isNotBlank();
      assertThat(HANA.supportsAggregateFunction(kind)).as(kind + ": " + reason).isFalse();
    });
  }

  @Test void orderedSetAggregatesAreRefused() {
    for (SqlKind kind : List.of(SqlKind.LISTAGG, SqlKind.PERCENTILE_CONT, SqlKind.PERCENTILE_DISC)) {
      assertThat(HANA.supportsAggregateFunction(kind)).as(kind.name()).isFalse();
    }
  }

  @Test void everyRefusedOperatorIsRefused() {
    assertThat(HanaRefusals.REFUSED_OPERATORS).isNotEmpty();
    for (Map.Entry<SqlOperator, String> e : HanaRefusals.REFUSED_OPERATORS.entrySet()) {
      assertThat(e.getValue()).as(e.getKey().getName()).isNotBlank();
      assertThat(HANA.supportsFunction(e.getKey(), VARCHAR, List.of(VARCHAR, VARCHAR)))
          .as(e.getKey().getName() + ": " + e.getValue()).isFalse();
    }
  }

  @Test void similarToIsRefused() {
    assertThat(HANA.supportsFunction(SqlStdOperatorTable.SIMILAR_TO, BOOLEAN, List.of(VARCHAR, VARCHAR))).isFalse();
  }

  @Test void roundingADateToAUnitIsRefusedButRoundingANumberIsNot() {
    assertThat(HANA.supportsFunction(SqlStdOperatorTable.FLOOR, TIMESTAMP, List.of(TIMESTAMP, SYMBOL))).isFalse();
    assertThat(HANA.supportsFunction(SqlStdOperatorTable.CEIL, DATE, List.of(DATE, SYMBOL))).isFalse();
    assertThat(HANA.supportsFunction(SqlStdOperatorTable.FLOOR, DOUBLE, List.of(DOUBLE))).isTrue();
  }

  @Test void castsOfTextOrNumbersToBooleanAreRefused() {
    assertThat(HANA.supportsFunction(SqlStdOperatorTable.CAST, BOOLEAN, List.of(VARCHAR))).isFalse();
    assertThat(HANA.supportsFunction(SqlStdOperatorTable.CAST, BOOLEAN, List.of(INTEGER))).isFalse();
    assertThat(HANA.supportsFunction(SqlStdOperatorTable.CAST, VARCHAR, List.of(INTEGER))).isTrue();
  }

  @Test void intervalsAreRefusedWhereverTheyWouldReachHana() {
    assertThat(HANA.supportsDataType(DAYS)).isFalse();
    assertThat(HANA.supportsFunction(SqlStdOperatorTable.CAST, DAYS, List.of(INTEGER))).isFalse();
    // Subtracting two timestamps gives an interval.
    assertThat(HANA.supportsFunction(SqlStdOperatorTable.MINUS_DATE, DAYS, List.of(TIMESTAMP, TIMESTAMP)))
        .isFalse();
  }

  @Test void dateArithmeticIsAcceptedButTimeOfDayArithmeticIsNot() {
    assertThat(HANA.supportsFunction(SqlStdOperatorTable.DATETIME_PLUS, TIMESTAMP, List.of(TIMESTAMP, DAYS)))
        .isTrue();
    assertThat(HANA.supportsFunction(SqlStdOperatorTable.DATETIME_PLUS, TIME, List.of(TIME, DAYS))).isFalse();
  }

  @Test void typesHanaLacksAreRefused() {
    assertThat(HANA.supportsDataType(type(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE))).isFalse();
    assertThat(HANA.supportsDataType(TYPES.createArrayType(INTEGER, -1))).isFalse();
    assertThat(HANA.supportsDataType(INTEGER)).isTrue();
  }

  @Test void operatorsTheDialectDoesNotKnowAreRefused() {
    assertThat(HANA.supportsFunction(SqlLibraryOperators.REGEXP_REPLACE_3, VARCHAR,
        List.of(VARCHAR, VARCHAR, VARCHAR))).isFalse();
    assertThat(HanaRefusals.refusal(SqlLibraryOperators.REGEXP_REPLACE_3, VARCHAR,
        List.of(VARCHAR, VARCHAR, VARCHAR))).contains("does not know");
  }

  @Test void whatHanaComputesIsAccepted() {
    for (SqlKind kind : List.of(SqlKind.COUNT, SqlKind.SUM, SqlKind.AVG, SqlKind.MIN, SqlKind.MAX,
        SqlKind.STDDEV_SAMP, SqlKind.VAR_POP)) {
      assertThat(HANA.supportsAggregateFunction(kind)).as(kind.name()).isTrue();
    }
    assertThat(HANA.supportsFunction(SqlStdOperatorTable.UPPER, VARCHAR, List.of(VARCHAR))).isTrue();
    assertThat(HANA.supportsFunction(SqlStdOperatorTable.POSITION, INTEGER, List.of(VARCHAR, VARCHAR))).isTrue();
    assertThat(HANA.supportsFunction(SqlStdOperatorTable.EXTRACT, INTEGER, List.of(SYMBOL, DATE))).isTrue();
    assertThat(HANA.supportsFunction(SqlStdOperatorTable.EQUALS, BOOLEAN, List.of(INTEGER, INTEGER))).isTrue();
  }

  private static RelDataType type(SqlTypeName name) {
    return TYPES.createSqlType(name);
  }
}
