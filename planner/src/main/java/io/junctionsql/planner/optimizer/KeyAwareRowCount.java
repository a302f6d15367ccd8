package io.junctionsql.planner.optimizer;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.Converter;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.RelMdRowCount;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.Sarg;

import java.util.List;

/**
 * Row counts that use keys. Calcite estimates every equi-join as 15% of the cross product; a join
 * on the key of one side (an order to its customer) returns about as many rows as the other side.
 * Without this, a join that a source could run looks far too big to pull back, and the planner
 * moves both tables instead. Likewise a filter on a unique column keeps at most one row per value it
 * names, where Calcite guesses a quarter of the table.
 */
public final class KeyAwareRowCount extends RelMdRowCount {
  public static final RelMetadataProvider SOURCE = ReflectiveRelMetadataProvider.reflectiveSource(
      new KeyAwareRowCount(), BuiltInMetadata.RowCount.Handler.class);

  @Override public Double getRowCount(Filter filter, RelMetadataQuery mq) {
    if (filter.getCondition().getKind() == SqlKind.OTHER && ((RexCall) filter.getCondition()).getOperator() == KeyList.INSTANCE) {
      return keyedRows(filter, (RexCall) filter.getCondition(), mq);
    }
    Double estimate = super.getRowCount(filter, mq);
    double cap = Double.MAX_VALUE;
    for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
      double values = valuesNamed(conjunct);
      if (values < cap && conjunct instanceof RexCall
          && Boolean.TRUE.equals(mq.areColumnsUnique(filter.getInput(),
              ImmutableBitSet.of(((RexInputRef) ((RexCall) conjunct).getOperands().get(0)).getIndex())))) {
        cap = values;
      }
    }
    if (cap == Double.MAX_VALUE || estimate == null) {
      return estimate;
    }
    return Math.max(1.0, Math.min(estimate, cap));
  }

  /** A semi-join reduced statement: the rows of its batch's keys, each key's share of the column's distinct values. */
  private static Double keyedRows(Filter filter, RexCall keys, RelMetadataQuery mq) {
    Double rows = mq.getRowCount(filter.getInput());
    if (rows == null) {
      return null;
    }
    Double distinct = mq.getDistinctRowCount(filter.getInput(),
        ImmutableBitSet.of(((RexInputRef) keys.getOperands().get(0)).getIndex()), null);
    double perKey = rows / Math.max(1.0, distinct == null ? rows : distinct);
    return Math.max(1.0, Math.min(rows, perKey * (keys.getOperands().size() - 1)));
  }

  /** How many values {@code column = literal} or {@code column IN (literals)} names; unbounded otherwise. */
  private static double valuesNamed(RexNode conjunct) {
    if (!(conjunct instanceof RexCall)) {
      return Double.MAX_VALUE;
    }
    RexCall call = (RexCall) conjunct;
    if (call.getOperands().size() != 2 || !(call.getOperands().get(0) instanceof RexInputRef)
        || !(call.getOperands().get(1) instanceof RexLiteral)) {
      return Double.MAX_VALUE;
    }
    switch (call.getKind()) {
    case EQUALS:
      return 1;
    case SEARCH:
      Sarg<?> sarg = ((RexLiteral) call.getOperands().get(1)).getValueAs(Sarg.class);
      return sarg != null && sarg.isPoints() ? sarg.pointCount + (sarg.nullAs.equals(RexUnknownAs.TRUE) ? 1 : 0)
          : Double.MAX_VALUE;
    default:
      return Double.MAX_VALUE;
    }
  }

  @Override public Double getRowCount(Join join, RelMetadataQuery mq) {
    JoinInfo info = join.analyzeCondition();
    JoinRelType type = join.getJoinType();
    if (info.leftKeys.isEmpty() || !(type == JoinRelType.INNER || type == JoinRelType.LEFT
        || type == JoinRelType.RIGHT)) {
      return super.getRowCount(join, mq);
    }
    boolean rightUnique = Boolean.TRUE.equals(
        mq.areColumnsUnique(join.getRight(), ImmutableBitSet.of(info.rightKeys)));
    boolean leftUnique = Boolean.TRUE.equals(
        mq.areColumnsUnique(join.getLeft(), ImmutableBitSet.of(info.leftKeys)));
    Double left = mq.getRowCount(join.getLeft());
    Double right = mq.getRowCount(join.getRight());
    if (left == null || right == null) {
      return super.getRowCount(join, mq);
    }
    if (!rightUnique && !leftUnique) {
      return distinctValueJoin(join, info, left, right, mq);
    }
    // Each row of the many side meets at most one row of the unique side.
    double rows;
    if (type == JoinRelType.LEFT) {
      rows = rightUnique ? left : Math.max(left, right);
    } else if (type == JoinRelType.RIGHT) {
      rows = leftUnique ? right : Math.max(left, right);
    } else if (rightUnique && leftUnique) {
      rows = Math.min(left, right);
    } else {
      rows = rightUnique ? matched(join.getLeft(), info.leftKeys, left, join.getRight(), info.rightKeys, right, mq)
          : matched(join.getRight(), info.rightKeys, right, join.getLeft(), info.leftKeys, left, mq);
    }
    RexNode remaining = info.getRemaining(join.getCluster().getRexBuilder());
    if (!remaining.isAlwaysTrue() && type == JoinRelType.INNER) {
      Double selectivity = mq.getSelectivity(join, remaining);
      rows *= selectivity == null ? 1.0 : selectivity;
    }
    return Math.max(rows, 1.0);
  }

  /**
   * The rows of the many side of an inner join that find their one row: where the one side keeps fewer rows
   * than the many side's join column has distinct values (a dimension filtered to one brand, one segment),
   * only that share of the key values meets a row, as each foreign key value names one row of the whole
   * dimension. Without a distinct count for the many side's column (a Spark or Databricks table reports
   * none), the share is the one side's rows over the rows of the table its key comes from: the suppliers of
   * one region are a fifth of all suppliers, so a fifth of the line items find theirs. Without either, every
   * row is taken to match.
   */
  private static double matched(RelNode many, List<Integer> manyKeys, double manyRows, RelNode one,
      List<Integer> oneKeys, double oneRows, RelMetadataQuery mq) {
    Double distinct = mq.getDistinctRowCount(many, ImmutableBitSet.of(manyKeys), null);
    if (distinct != null) {
      return distinct <= oneRows || distinct >= manyRows ? manyRows : manyRows * oneRows / distinct;
    }
    Double population = keyPopulation(one, oneKeys);
    return population == null || population <= oneRows ? manyRows : manyRows * oneRows / population;
  }

  /**
   * The rows of the table a single join key column comes from unchanged, or null if not one such column.
   * Calcite's column origins stop at the planner's subsets and at converters, so the column is followed here
   * through projections, filters, converters and joins to its table scan.
   */
  private static Double keyPopulation(RelNode one, List<Integer> keys) {
    return keys.size() == 1 ? population(one, keys.get(0)) : null;
  }

  private static Double population(RelNode rel, int column) {
    RelNode node = rel.stripped();
    if (node instanceof TableScan) {
      return node.getTable().getRowCount();
    }
    if (node instanceof Converter || node instanceof Filter) {
      return population(node.getInput(0), column);
    }
    if (node instanceof Project) {
      RexNode e = ((Project) node).getProjects().get(column);
      return e instanceof RexInputRef ? population(node.getInput(0), ((RexInputRef) e).getIndex()) : null;
    }
    if (node instanceof Calc) {
      RexProgram program = ((Calc) node).getProgram();
      RexNode e = program.expandLocalRef(program.getProjectList().get(column));
      return e instanceof RexInputRef ? population(node.getInput(0), ((RexInputRef) e).getIndex()) : null;
    }
    if (node instanceof Join && ((Join) node).getJoinType().projectsRight()) {
      int leftCount = ((Join) node).getLeft().getRowType().getFieldCount();
      return column < leftCount ? population(((Join) node).getLeft(), column)
          : population(((Join) node).getRight(), column - leftCount);
    }
    return null;
  }

  /**
   * A join on columns neither side holds unique: each key value meets its rows on the other side, so the
   * join gives {@code left * right / max(distinct left keys, distinct right keys)}. A side whose distinct
   * values nobody reports (a Delta table, a source without statistics) is taken to hold a key, as a fact
   * table's join column to another fact usually is; Calcite's flat 15% of the cross product would make every
   * such join look larger than a join on a category column (customers and suppliers of one nation), which
   * really multiplies rows. Where neither side reports any, the larger side is taken to reference the smaller
   * side's key (line items their order), so each of its rows meets one row of the smaller side's whole table.
   */
  private static Double distinctValueJoin(Join join, JoinInfo info, double left, double right, RelMetadataQuery mq) {
    Double leftDistinct = mq.getDistinctRowCount(join.getLeft(), ImmutableBitSet.of(info.leftKeys), null);
    Double rightDistinct = mq.getDistinctRowCount(join.getRight(), ImmutableBitSet.of(info.rightKeys), null);
    double distinct;
    if (leftDistinct == null && rightDistinct == null) {
      // Neither side reports distinct values (two Delta or Spark tables): the larger is taken to reference a key
      // of the smaller's table, whose rows are that key's values, so a filtered smaller side (one year of orders)
      // meets its share of the larger (that year's line items), not one row each.
      boolean leftSmaller = left <= right;
      Double domain = keyPopulation(leftSmaller ? join.getLeft() : join.getRight(),
          leftSmaller ? info.leftKeys : info.rightKeys);
      distinct = Math.max(Math.min(left, right), domain == null ? 0 : Math.min(domain, Math.max(left, right)));
    } else {
      distinct = Math.max(leftDistinct == null ? left : leftDistinct, rightDistinct == null ? right : rightDistinct);
    }
    double rows = left * right / Math.max(distinct, 1.0);
    JoinRelType type = join.getJoinType();
    if (type == JoinRelType.LEFT) {
      rows = Math.max(rows, left);
    } else if (type == JoinRelType.RIGHT) {
      rows = Math.max(rows, right);
    }
    RexNode remaining = info.getRemaining(join.getCluster().getRexBuilder());
    if (!remaining.isAlwaysTrue() && type == JoinRelType.INNER) {
      Double selectivity = mq.getSelectivity(join, remaining);
      rows *= selectivity == null ? 1.0 : selectivity;
    }
    return Math.max(rows, 1.0);
  }
}
