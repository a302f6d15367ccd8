package io.junctionsql.planner.dialect;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * SQL for Databricks SQL and Apache Spark SQL 3.4 and later (OFFSET without LIMIT arrived in 3.4;
 * {@code timestampadd} and {@code timestampdiff} in 3.3). Follows the choices of Calcite's
 * {@code SparkSqlDialect} (backticks, {@code LIMIT}, {@code CROSS JOIN}, STRING for text, no character
 * sets, no nested aggregates) and corrects what that dialect gets wrong for Spark: string literals,
 * LIKE patterns without ESCAPE, integer division, casts to CHAR and VARCHAR, date arithmetic and
 * date differences.
 *
 * <p>The work is shared out: {@link DatabricksStringLiterals} writes literals,
 * {@link DatabricksLikePatterns} keeps LIKE's backslashes literal, {@link DatabricksDatetimeArithmetic},
 * {@link DatabricksDatetimeFloors}, {@link DatabricksDivision} and {@link DatabricksTextCasts} rewrite
 * expressions before they become SQL, {@link DatabricksDatetimeCalls} and {@link DatabricksStringCalls}
 * rename and reorder functions, {@link DatabricksWindows} leaves out default window frames,
 * {@link DatabricksCasts} names types, and {@link DatabricksRefusals} says what stays in Junction.
 *
 * <p>Assumes Spark's defaults for {@code spark.sql.parser.escapedStringLiterals} (false) and for
 * ordinals in GROUP BY and ORDER BY (on). TIMESTAMP is Calcite's timestamp without time zone; Spark's
 * TIMESTAMP is local to the session time zone, so date arithmetic across a daylight-saving change, and
 * CURRENT_DATE, agree with Junction only when the session time zone is UTC, as Databricks sets it by
 * default.
 */
public class DatabricksSqlDialect extends SqlDialect {
  /** Spark's limits: DECIMAL up to 38 digits. */
  private static final RelDataTypeSystem SPARK_TYPE_SYSTEM = new RelDataTypeSystemImpl() {
    @Override public int getMaxPrecision(SqlTypeName typeName) {
      return typeName == SqlTypeName.DECIMAL ? DatabricksCasts.MAX_DECIMAL_PRECISION
          : super.getMaxPrecision(typeName);
    }

    @Override public int getMaxScale(SqlTypeName typeName) {
      return typeName == SqlTypeName.DECIMAL ? DatabricksCasts.MAX_DECIMAL_PRECISION
          : super.getMaxScale(typeName);
    }
  };

  public static final SqlDialect.Context DEFAULT_CONTEXT = SqlDialect.EMPTY_CONTEXT
      .withDatabaseProduct(DatabaseProduct.SPARK)
      .withDatabaseProductName("Databricks")
      .withIdentifierQuoteString("`")
      // Spark matches names regardless of case, quoted or not, and keeps them as written.
      .withUnquotedCasing(Casing.UNCHANGED)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(false)
      // NULL is Spark's smallest value: first when ascending, last when descending.
      .withNullCollation(NullCollation.LOW)
      .withDataTypeSystem(SPARK_TYPE_SYSTEM);

  public static final DatabricksSqlDialect DEFAULT = new DatabricksSqlDialect(DEFAULT_CONTEXT);

  private static final SqlParserPos POS = SqlParserPos.ZERO;

  public DatabricksSqlDialect(Context context) {
    super(context);
  }

  @Override public void quoteStringLiteral(StringBuilder buf, @Nullable String charsetName, String val) {
    // Spark has no character set introducers; its strings are Unicode.
    DatabricksStringLiterals.quote(buf, val);
  }

  @Override public void unparseBoolLiteral(SqlWriter writer, SqlLiteral literal, int leftPrec, int rightPrec) {
    // Spark has no UNKNOWN literal.
    Object value = literal.getValue();
    writer.keyword(value == null ? "NULL" : (Boolean) value ? "TRUE" : "FALSE");
  }

  @Override public void unparseOffsetFetch(SqlWriter writer, @Nullable SqlNode offset, @Nullable SqlNode fetch) {
    // LIMIT n, LIMIT n OFFSET m, or OFFSET m alone (Spark 3.4+); Spark has no FETCH.
    unparseFetchUsingLimit(writer, offset, fetch);
  }

  @Override public JoinType emulateJoinTypeForCrossJoin() {
    return JoinType.CROSS;
  }

  @Override public boolean requiresAliasForFromItems() {
    // Spark names an unaliased derived table itself; an alias of our own costs nothing and is stable.
    return true;
  }

  @Override public boolean supportsGroupByLiteral() {
    // Spark reads an integer in GROUP BY as a position in the select list, not as a constant.
    return false;
  }

  @Override public boolean supportsOrderByLiteral() {
    // Likewise in ORDER BY; sorting by a constant changes nothing, so such keys are dropped.
    return false;
  }

  @Override public boolean supportsCharSet() {
    return false;
  }

  @Override public boolean supportsTimestampPrecision() {
    return false;
  }

  @Override public boolean supportsNestedAggregations() {
    return false;
  }

  @Override public boolean supportsApproxCountDistinct() {
    return true;
  }

  @Override public boolean supportsAggregateFunctionFilter() {
    // Spark 3.0+ reads COUNT(*) FILTER (WHERE ...), with DISTINCT too since 3.2.
    return true;
  }

  @Override public boolean supportsGroupByWithRollup() {
    return true;
  }

  @Override public boolean supportsGroupByWithCube() {
    return true;
  }

  @Override public boolean supportsAggregateFunction(SqlKind kind) {
    return DatabricksRefusals.supportsAggregate(kind);
  }

  @Override public boolean supportsFunction(SqlOperator operator, RelDataType type, List<RelDataType> paramTypes) {
    return DatabricksRefusals.refusal(operator, type, paramTypes) == null;
  }

  @Override public boolean supportsDataType(RelDataType type) {
    return DatabricksCasts.castSpec(type) != null;
  }

  @Override public boolean supportsImplicitTypeCoercion(RexCall call) {
    // Spark converts strings to dates and numbers by its own rules; keep Calcite's casts visible.
    return false;
  }

  @Override public @Nullable SqlNode getCastSpec(RelDataType type) {
    if (type.getSqlTypeName() == SqlTypeName.NULL) {
      return null;
    }
    SqlNode spec = DatabricksCasts.castSpec(type);
    return spec != null ? spec : super.getCastSpec(type);
  }

  @Override public RexNode prepareUnparse(RexNode rexNode) {
    RexNode spark = DatabricksDatetimeArithmetic.rewrite(rexNode);
    if (spark == rexNode) {
      spark = DatabricksDatetimeFloors.rewrite(rexNode);
    }
    if (spark == rexNode) {
      spark = DatabricksDivision.rewrite(rexNode);
    }
    if (spark == rexNode) {
      spark = DatabricksTextCasts.rewrite(rexNode);
    }
    return spark;
  }

  /**
   * {@code SINGLE_VALUE(x)}, Calcite's check that a scalar sub-query gives at most one row, as
   * {@code CASE COUNT(*) WHEN 0 THEN NULL WHEN 1 THEN MIN(x) ELSE raise_error('...') END}.
   */
  @Override public SqlNode rewriteSingleValueExpr(SqlNode aggCall, RelDataType relDataType) {
    SqlNode x = ((SqlBasicCall) aggCall).operand(0);
    SqlNode rows = SqlStdOperatorTable.COUNT.createCall(POS, SqlIdentifier.STAR);
    SqlNode error = DatabricksFunctions.RAISE_ERROR.createCall(POS,
        SqlLiteral.createCharString("more than one row in a scalar sub-query", POS));
    return new SqlCase(POS, rows,
        SqlNodeList.of(SqlLiteral.createExactNumeric("0", POS), SqlLiteral.createExactNumeric("1", POS)),
        SqlNodeList.of(SqlLiteral.createNull(POS), SqlStdOperatorTable.MIN.createCall(POS, x)),
        error);
  }

  @Override public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    SqlNode spark = sparkForm(call);
    if (spark == null) {
      super.unparseCall(writer, call, leftPrec, rightPrec);
    } else if (spark.getKind() == call.getKind()) {
      // Printed by its operator, not offered to this method again: a LIKE whose pattern had its
      // backslashes doubled would otherwise have them doubled again, and again.
      super.unparseCall(writer, (SqlCall) spark, leftPrec, rightPrec);
    } else {
      spark.unparse(writer, leftPrec, rightPrec);
    }
  }

  /** The call as Spark writes it, or null when Spark writes it as standard SQL does. */
  private static @Nullable SqlNode sparkForm(SqlCall call) {
    SqlNode spark = DatabricksLikePatterns.rewrite(call);
    if (spark == null) {
      spark = DatabricksDatetimeCalls.rewrite(call);
    }
    if (spark == null) {
      spark = DatabricksStringCalls.rewrite(call);
    }
    if (spark == null) {
      spark = DatabricksWindows.rewrite(call);
    }
    if (spark == null) {
      spark = otherForm(call);
    }
    return spark;
  }

  /** {@code PI} with the parentheses Spark needs; GROUPING of several columns as {@code grouping_id}. */
  private static @Nullable SqlNode otherForm(SqlCall call) {
    if (call.getOperator() == SqlStdOperatorTable.PI) {
      return DatabricksFunctions.PI.createCall(POS);
    }
    if (call.getKind() == SqlKind.GROUPING && call.operandCount() > 1) {
      // Spark's grouping() takes one column; grouping_id numbers the combination as Calcite's GROUPING does.
      return DatabricksFunctions.GROUPING_ID.createCall(POS, call.getOperandList());
    }
    return null;
  }
}
