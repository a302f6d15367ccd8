package io.junctionsql.planner.dialect;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlConformance;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

import com.google.common.collect.ImmutableList;

import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * SQL for SAP HANA, and so for SAP Datasphere, whose spaces are HANA schemas. Identifiers are always
 * quoted, because Datasphere's space and technical names are mixed-case; unquoted names would fold to
 * upper case.
 *
 * <p>The work is shared out: {@link HanaDatetimeArithmetic} and {@link HanaDivision} rewrite date
 * arithmetic and integer division before they become SQL, {@link HanaBooleanContexts} keeps conditions and values apart as HANA requires,
 * {@link HanaDatetimeCalls}, {@link HanaStringCalls} and {@link HanaNumericCalls} rename and reorder
 * functions, {@link HanaWindows} trims window frames, {@link HanaCasts} names types, and
 * {@link HanaRefusals} says what stays in Junction.
 */
public class HanaSqlDialect extends SqlDialect {
  /** HANA's limits: DECIMAL up to 38 digits, NVARCHAR up to 5000 characters. */
  private static final RelDataTypeSystem HANA_TYPE_SYSTEM = new RelDataTypeSystemImpl() {
    @Override public int getMaxPrecision(SqlTypeName typeName) {
      switch (typeName) {
      case DECIMAL:
        return HanaCasts.MAX_DECIMAL_PRECISION;
      case CHAR:
      case VARCHAR:
      case BINARY:
      case VARBINARY:
        return HanaCasts.MAX_VARYING_LENGTH;
      default:
        return super.getMaxPrecision(typeName);
      }
    }

    @Override public int getMaxScale(SqlTypeName typeName) {
      return typeName == SqlTypeName.DECIMAL ? HanaCasts.MAX_DECIMAL_PRECISION : super.getMaxScale(typeName);
    }
  };

  public static final SqlDialect.Context DEFAULT_CONTEXT = SqlDialect.EMPTY_CONTEXT
      .withDatabaseProduct(DatabaseProduct.UNKNOWN)
      .withDatabaseProductName("HDB")
      .withIdentifierQuoteString("\"")
      .withUnquotedCasing(Casing.TO_UPPER)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(true)
      // NULL is HANA's smallest value: first when ascending, last when descending.
      .withNullCollation(NullCollation.LOW)
      .withDataTypeSystem(HANA_TYPE_SYSTEM);

  public static final HanaSqlDialect DEFAULT = new HanaSqlDialect(DEFAULT_CONTEXT);

  /**
   * The row count written when a query skips rows but does not limit them: HANA accepts OFFSET only after
   * LIMIT. 2^31 - 1 fits any integer type HANA could read the count as, and no gateway result comes
   * near it.
   */
  static final long ALL_ROWS = Integer.MAX_VALUE;

  private static final List<String> DUMMY_TABLE = ImmutableList.of("SYS", "DUMMY");

  public HanaSqlDialect(Context context) {
    super(context);
  }

  @Override public SqlConformance getConformance() {
    // Like the standard, but without the ROW keyword, which HANA does not accept.
    return SqlConformanceEnum.PRAGMATIC_2003;
  }

  @Override public void quoteStringLiteral(StringBuilder buf, @Nullable String charsetName, String val) {
    // HANA has no character set introducers, and a backslash is an ordinary character in its literals.
    // N'...' is NVARCHAR: without it, characters outside the database's VARCHAR repertoire could be lost.
    if (hasNonAscii(val)) {
      buf.append('N');
    }
    buf.append('\'').append(val.replace("'", "''")).append('\'');
  }

  private static boolean hasNonAscii(String s) {
    return s.chars().anyMatch(c -> c > 127);
  }

  @Override public void unparseBoolLiteral(SqlWriter writer, SqlLiteral literal, int leftPrec, int rightPrec) {
    Object value = literal.getValue();
    writer.keyword(value == null ? "NULL" : (Boolean) value ? "TRUE" : "FALSE");
  }

  @Override public void unparseOffsetFetch(SqlWriter writer, @Nullable SqlNode offset, @Nullable SqlNode fetch) {
    SqlNode limit = fetch != null ? fetch
        : SqlLiteral.createExactNumeric(Long.toString(ALL_ROWS), SqlParserPos.ZERO);
    unparseFetchUsingLimit(writer, offset, limit);
  }

  @Override public List<String> getSingleRowTableName() {
    return DUMMY_TABLE;
  }

  @Override public boolean supportsAliasedValues() {
    // HANA has no VALUES table constructor; rows become SELECT ... FROM SYS.DUMMY UNION ALL ...
    return false;
  }

  @Override public boolean requiresAliasForFromItems() {
    // An alias on every derived table costs nothing and spares the question of which HANA versions need one.
    return true;
  }

  @Override public boolean supportsCharSet() {
    return false;
  }

  @Override public boolean supportsTimestampPrecision() {
    return false;
  }

  @Override public boolean supportsAggregateFunctionFilter() {
    return false;
  }

  @Override public boolean supportsNestedAggregations() {
    return false;
  }

  @Override public boolean supportsApproxCountDistinct() {
    return false;
  }

  @Override public boolean supportsAggregateFunction(SqlKind kind) {
    return HanaRefusals.supportsAggregate(kind);
  }

  @Override public boolean supportsFunction(SqlOperator operator, RelDataType type, List<RelDataType> paramTypes) {
    return HanaRefusals.refusal(operator, type, paramTypes) == null;
  }

  @Override public boolean supportsDataType(RelDataType type) {
    return HanaCasts.castSpec(type) != null;
  }

  @Override public boolean supportsImplicitTypeCoercion(RexCall call) {
    // HANA converts strings to numbers and dates by its own rules; keep Calcite's casts visible.
    return false;
  }

  @Override public @Nullable SqlNode getCastSpec(RelDataType type) {
    if (type.getSqlTypeName() == SqlTypeName.NULL) {
      return null;
    }
    SqlNode spec = HanaCasts.castSpec(type);
    return spec != null ? spec : super.getCastSpec(type);
  }

  @Override public RexNode prepareUnparse(RexNode rexNode) {
    RexNode hana = HanaDatetimeArithmetic.rewrite(rexNode);
    return hana != rexNode ? hana : HanaDivision.rewrite(rexNode);
  }

  @Override public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    if (call.getKind() == SqlKind.SELECT) {
      super.unparseCall(writer, HanaBooleanContexts.rewrite((SqlSelect) call), leftPrec, rightPrec);
      return;
    }
    if (HanaCurrencyConversion.handles(call)) {
      HanaCurrencyConversion.unparse(writer, call);
      return;
    }
    SqlNode hana = hanaForm(call);
    if (hana != null) {
      hana.unparse(writer, leftPrec, rightPrec);
    } else {
      super.unparseCall(writer, call, leftPrec, rightPrec);
    }
  }

  /** The call as HANA writes it, or null when HANA writes it as standard SQL does. */
  private static @Nullable SqlNode hanaForm(SqlCall call) {
    SqlNode hana = HanaDatetimeCalls.rewrite(call);
    if (hana == null) {
      hana = HanaWindows.rewrite(call);
    }
    if (hana == null) {
      hana = HanaStringCalls.rewrite(call);
    }
    if (hana == null) {
      hana = HanaNumericCalls.rewrite(call);
    }
    if (hana == null) {
      hana = HanaCasts.rewrite(call);
    }
    return hana;
  }
}
