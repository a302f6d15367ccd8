package io.junctionsql.planner.optimizer;

import io.junctionsql.planner.explain.SourceSqlExplainer;
import io.junctionsql.planner.runtime.DirectScans;
import io.junctionsql.planner.runtime.PromptRows;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalciteSqlValidator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.interpreter.BindableConvention;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlExplainFormat;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;

import java.lang.reflect.Type;
import java.util.function.UnaryOperator;

/**
 * Calcite's statement preparation with Junction's additions: writes and DDL are refused, EXPLAIN
 * shows, after the plan, the exact SQL each source will receive, a default schema may name a
 * source's schema ({@code setSchema("pg.public")}, see {@link DefaultSchema}), what operators keep in
 * memory is counted against the statement's budget ({@link MemoryAccounting}), and independent source reads
 * run at the same time ({@link ParallelReadPlacement}).
 */
public class JunctionPrepare extends CalcitePrepareImpl {
  @Override public <T> CalciteSignature<T> prepareSql(Context context, Query<T> query, Type elementType,
      long maxRowCount) {
    if (query.sql != null) {
      ReadOnlyGuard.checkText(query.sql);
    }
    return promptRows(super.prepareSql(DefaultSchema.resolve(context), query, elementType, maxRowCount));
  }

  /** The same statement, its rows handed to the result set one at a time ({@link PromptRows}). */
  private static <T> CalciteSignature<T> promptRows(CalciteSignature<T> prepared) {
    // The row limit is applied by the prepared signature itself; the copy only changes how its rows are iterated.
    return new CalciteSignature<>(prepared.sql, prepared.parameters, prepared.internalParameters, prepared.rowType,
        prepared.columns, prepared.cursorFactory, prepared.rootSchema, prepared.getCollationList(), -1, null,
        prepared.statementType) {
      @Override public Enumerable<T> enumerable(DataContext dataContext) {
        return PromptRows.of(prepared.enumerable(dataContext));
      }
    };
  }

  @Override public void executeDdl(Context context, SqlNode node) {
    ReadOnlyGuard.checkKind(node.getKind());
    super.executeDdl(context, node);
  }

  @Override protected RelOptCluster createCluster(RelOptPlanner planner, RexBuilder rexBuilder) {
    RelOptCluster cluster = super.createCluster(planner, rexBuilder);
    cluster.setMetadataProvider(JunctionMetadata.PROVIDER);
    return cluster;
  }

  @Override protected CalcitePreparingStmt getPreparingStmt(Context context, Type elementType,
      CalciteCatalogReader catalogReader, RelOptPlanner planner) {
    RelDataTypeFactory typeFactory = context.getTypeFactory();
    EnumerableRel.Prefer prefer = elementType == Object[].class
        ? EnumerableRel.Prefer.ARRAY : EnumerableRel.Prefer.CUSTOM;
    Convention resultConvention = enableBindable ? BindableConvention.INSTANCE : EnumerableConvention.INSTANCE;
    return new PreparingStatement(this, context, catalogReader, typeFactory, context.getRootSchema(), prefer,
        createCluster(planner, new RexBuilder(typeFactory)), resultConvention, createConvertletTable());
  }

  /** One statement being prepared. */
  static final class PreparingStatement extends CalcitePreparingStmt {
    PreparingStatement(CalcitePrepareImpl prepare, CalcitePrepare.Context context,
        Prepare.CatalogReader catalogReader, RelDataTypeFactory typeFactory, CalciteSchema schema,
        EnumerableRel.Prefer prefer, RelOptCluster cluster, Convention resultConvention,
        SqlRexConvertletTable convertletTable) {
      super(prepare, context, catalogReader, typeFactory, schema, prefer, cluster, resultConvention,
          convertletTable);
    }

    @Override public PreparedResult prepareSql(SqlNode sqlQuery, SqlNode sqlNodeOriginal,
        Class<?> runtimeContextClass, SqlValidator validator, boolean needsValidation) {
      SqlKind kind = sqlQuery.getKind() == SqlKind.EXPLAIN
          ? ((SqlExplain) sqlQuery).getExplicandum().getKind() : sqlQuery.getKind();
      ReadOnlyGuard.checkKind(kind);
      return super.prepareSql(sqlQuery, sqlNodeOriginal, runtimeContextClass, validator, needsValidation);
    }

    /**
     * The semantic rules on the plan as written, then Calcite's standard program with Junction's
     * metadata in its rewriting phases too, aggregation below joins between sources and removal of unused
     * joins ({@link AggregateBelowJoin}) and a bound on join enumeration ({@link JoinOrder}), then the
     * semi-join reduction of joins between sources.
     */
    @Override protected Program getProgram() {
      return Programs.sequence(new CurrencyRule(),
          JoinOrder.standard(JunctionMetadata.PROVIDER, new AggregateBelowJoin()),
          new SemiJoinReduction());
    }

    /** Calcite's validator, with Junction's functions ({@code convert_currency}) next to the standard ones. */
    @Override protected SqlValidator createSqlValidator(Prepare.CatalogReader catalogReader,
        UnaryOperator<SqlValidator.Config> configTransform) {
      CalciteConnectionConfig config = context.config();
      SqlOperatorTable operators = SqlOperatorTables.chain(
          config.fun(SqlOperatorTable.class, SqlStdOperatorTable.instance()), JunctionOperators.TABLE,
          (CalciteCatalogReader) catalogReader);
      SqlValidator.Config validatorConfig = configTransform.apply(SqlValidator.Config.DEFAULT
          .withLenientOperatorLookup(config.lenientOperatorLookup())
          .withConformance(config.conformance())
          .withDefaultNullCollation(config.defaultNullCollation())
          .withIdentifierExpansion(true));
      return new CalciteSqlValidator(operators, (CalciteCatalogReader) catalogReader, context.getTypeFactory(),
          validatorConfig);
    }

    /**
     * Prepares as Calcite does, with independent source reads marked to run at the same time
     * ({@link ParallelReadPlacement}), what operators keep in memory counted against the statement's budget
     * ({@link MemoryAccounting}), and notes, for the driver, whether the plan is a plain Delta scan.
     */
    @Override protected PreparedResult implement(RelRoot root) {
      PreparedResult result = super.implement(
          root.withRel(MemoryAccounting.insert(ParallelReadPlacement.insert(root.rel))));
      DirectScans.clear();
      PlainScans.of(root).ifPresent(DirectScans::record);
      return result;
    }

    @Override protected PreparedResult createPreparedExplanation(RelDataType resultType,
        RelDataType parameterRowType, RelRoot root, SqlExplainFormat format, SqlExplainLevel detailLevel) {
      return new Explanation(resultType, parameterRowType, root, format, detailLevel);
    }
  }

  /** EXPLAIN's answer: Calcite's plan text followed by each source's SQL. */
  static final class Explanation extends Prepare.PreparedExplain {
    private final RelRoot root;
    private final SqlExplainFormat format;

    Explanation(RelDataType resultType, RelDataType parameterRowType, RelRoot root, SqlExplainFormat format,
        SqlExplainLevel detailLevel) {
      super(resultType, parameterRowType, root, format, detailLevel);
      this.root = root;
      this.format = format;
    }

    @Override public String getCode() {
      String plan = super.getCode();
      // Source SQL exists only for a physical plan in text form; JSON, XML and DOT stay as Calcite writes them.
      if (root == null || format != SqlExplainFormat.TEXT) {
        return plan;
      }
      return plan + SourceSqlExplainer.render(root.rel);
    }

    @Override public Bindable getBindable(Meta.CursorFactory cursorFactory) {
      String text = getCode();
      return dataContext -> cursorFactory.style == Meta.Style.ARRAY
          ? Linq4j.singletonEnumerable(new String[] {text})
          : Linq4j.singletonEnumerable(text);
    }
  }
}
