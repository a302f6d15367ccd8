package io.junctionsql.planner.source.delta;

import io.junctionsql.planner.explain.SourceFragment;
import io.junctionsql.planner.runtime.ColumnarRows;
import io.junctionsql.planner.source.SourceSession;

import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;

import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;

import com.google.common.collect.ImmutableList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TimeZone;
import java.util.function.Supplier;

/**
 * A scan of a Delta table that reads only the columns it lists and hands Kernel a predicate for
 * partition pruning and file skipping. Rows stream file by file, so a LIMIT above it stops the reading.
 */
public final class DeltaScan extends TableScan implements EnumerableRel, SourceFragment {
  private final DeltaTable deltaTable;
  private final int[] fields;
  private final Predicate predicate;
  /** The output column whose values must be among the join keys the statement's context carries; -1 for none. */
  private final int keyField;

  DeltaScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, DeltaTable deltaTable, int[] fields,
      Predicate predicate) {
    this(cluster, traits, table, deltaTable, fields, predicate, -1);
  }

  private DeltaScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, DeltaTable deltaTable,
      int[] fields, Predicate predicate, int keyField) {
    super(cluster, traits, ImmutableList.of(), table);
    this.deltaTable = deltaTable;
    this.fields = fields;
    this.predicate = predicate;
    this.keyField = keyField;
  }

  /**
   * This scan reading only rows whose output column {@code field} holds one of the join keys its
   * statement's context carries ({@link io.junctionsql.planner.runtime.JoinKeys}): the keys' range
   * joins the Kernel predicate, so that files outside it are skipped (semi-join reduction).
   */
  public DeltaScan keyedBy(int field) {
    return new DeltaScan(getCluster(), traitSet, table, deltaTable, fields, predicate, field);
  }

  DeltaTable deltaTable() {
    return deltaTable;
  }

  int[] fields() {
    return fields;
  }

  Predicate predicate() {
    return predicate;
  }

  /** The Delta fields this scan reads, in its output order. */
  List<StructField> readFields() {
    StructType schema = deltaTable.snapshot().getSchema();
    List<StructField> out = new ArrayList<>();
    for (int f : fields) {
      out.add(schema.at(f));
    }
    return out;
  }

  DeltaScan withFields(int[] newFields) {
    return new DeltaScan(getCluster(), traitSet, table, deltaTable, newFields, predicate);
  }

  DeltaScan withPredicate(Predicate newPredicate) {
    return new DeltaScan(getCluster(), traitSet, table, deltaTable, fields, newPredicate);
  }

  @Override public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new DeltaScan(getCluster(), traitSet, table, deltaTable, fields, predicate, keyField);
  }

  @Override public RelDataType deriveRowType() {
    List<RelDataTypeField> all = table.getRowType().getFieldList();
    RelDataTypeFactory.Builder b = getCluster().getTypeFactory().builder();
    for (int f : fields) {
      b.add(all.get(f));
    }
    return b.build();
  }

  @Override public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("source", deltaTable.source().name())
        .item("columns", readFieldNames())
        .itemIf("kernelPredicate", String.valueOf(predicate), predicate != null)
        .itemIf("keyedBy", keyField, keyField >= 0);
  }

  private List<String> readFieldNames() {
    List<String> names = new ArrayList<>();
    List<RelDataTypeField> all = table.getRowType().getFieldList();
    for (int f : fields) {
      names.add(all.get(f).getName());
    }
    return names;
  }

  @Override public void register(RelOptPlanner planner) {
    DeltaRules.RULES.forEach(planner::addRule);
  }

  @Override public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    // Reading fewer columns, or fewer files, moves less: both make the scan cheaper.
    double rows = mq.getRowCount(this);
    double columns = (fields.length + 2.0) / (table.getRowType().getFieldCount() + 2.0);
    double skipping = predicate == null ? 1.0 : 0.5;
    double units = rows * columns * skipping * 2;
    return planner.getCostFactory().makeCost(units, units, 0);
  }

  @Override public double estimateRowCount(RelMetadataQuery mq) {
    return table.getRowCount();
  }

  @Override public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), pref.preferArray());
    DeltaScanSpec spec = new DeltaScanSpec(deltaTable, readFieldNames(), predicate, physType.getFormat(),
        TimeZone.getDefault(), keyField);
    Expression stashed = implementor.stash(spec, DeltaScanSpec.class);
    return implementor.result(physType,
        Blocks.toBlock(Expressions.call(stashed, "enumerable", implementor.getRootExpression())));
  }

  /** How to open this scan's rows for a client that reads them directly (a query that is only this scan). */
  public Supplier<ColumnarRows> columnarRows(int[] outputColumns) {
    DeltaScanSpec spec = new DeltaScanSpec(deltaTable, readFieldNames(), predicate, JavaRowFormat.ARRAY,
        TimeZone.getDefault());
    return () -> spec.columnarRows(outputColumns);
  }

  /** The connection this scan's table was looked up in. */
  public SourceSession session() {
    return deltaTable.session();
  }

  @Override public String sourceName() {
    return deltaTable.source().name();
  }

  @Override public String describeForExplain() {
    DeltaScanSpec spec = new DeltaScanSpec(deltaTable, readFieldNames(), predicate, JavaRowFormat.ARRAY,
        TimeZone.getDefault());
    return spec.describe(spec.plan());
  }

  @Override public String toString() {
    return "DeltaScan" + Arrays.toString(fields);
  }
}
