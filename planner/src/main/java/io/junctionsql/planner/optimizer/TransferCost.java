package io.junctionsql.planner.optimizer;

import org.apache.calcite.adapter.enumerable.EnumerableHashJoin;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverter;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;

/**
 * Charges for moving rows out of a source. Calcite prices the hand-over from a source at a tenth
 * of its rows, so a plan that reads two tables and joins them in Junction looks as cheap as one that
 * lets the source join them; here every row (and every byte of it) that crosses the network costs,
 * so the planner prefers the plan that moves less.
 */
public final class TransferCost implements MetadataHandler<BuiltInMetadata.NonCumulativeCost> {
  /** Cost of one row crossing the network, in the planner's row units, before its width is counted. */
  static final double PER_ROW = 1.0;
  /** Bytes of a row that cost as much as one more row. */
  static final double BYTES_PER_ROW_UNIT = 64.0;
  /** What a row of a hash join's build side costs, against one of its probe side. */
  static final double BUILD_ROW = 2.0;
  /** The share of Calcite's cost that work inside a source is charged. */
  static final double IN_SOURCE = 0.01;

  public static final RelMetadataProvider SOURCE = ReflectiveRelMetadataProvider.reflectiveSource(
      new TransferCost(), BuiltInMetadata.NonCumulativeCost.Handler.class);

  @Override public MetadataDef<BuiltInMetadata.NonCumulativeCost> getDef() {
    return BuiltInMetadata.NonCumulativeCost.DEF;
  }

  /** Rows moved from a source, weighted by their width. */
  public RelOptCost getNonCumulativeCost(JdbcToEnumerableConverter rel, RelMetadataQuery mq) {
    double rows = mq.getRowCount(rel.getInput());
    Double width = mq.getAverageRowSize(rel.getInput());
    double units = rows * (PER_ROW + (width == null ? 1.0 : width / BYTES_PER_ROW_UNIT));
    return rel.getCluster().getPlanner().getCostFactory().makeCost(units, units, 0);
  }

  /**
   * A hash join keeps its right input in memory and streams its left one, so a row on the right costs more than
   * a row on the left. Calcite's own cost prefers the smaller input on the left, which, with its runtime building
   * on the right, held TPC-H's line items in memory to probe them with a few thousand customers.
   */
  public RelOptCost getNonCumulativeCost(EnumerableHashJoin rel, RelMetadataQuery mq) {
    double left = orZero(mq.getRowCount(rel.getLeft()));
    double right = orZero(mq.getRowCount(rel.getRight()));
    double rows = orZero(mq.getRowCount(rel)) + left + BUILD_ROW * right;
    return rel.getCluster().getPlanner().getCostFactory().makeCost(rows, rows, 0);
  }

  private static double orZero(Double d) {
    return d == null ? 0 : d;
  }

  /**
   * Work a source does (its joins, filters, aggregates) costs a hundredth of what Calcite says, everything else
   * what Calcite says: a source computes next to its data, Junction pays for the rows that reach it. Without this
   * an aggregate the source could run looked no cheaper than moving its input, once distinct-value statistics
   * showed that it keeps most rows, and TPC-H Q16's grouping stayed in Junction.
   */
  public RelOptCost getNonCumulativeCost(RelNode rel, RelMetadataQuery mq) {
    RelOptCost cost = rel.computeSelfCost(rel.getCluster().getPlanner(), mq);
    if (cost != null && rel.getConvention() instanceof io.junctionsql.planner.source.jdbc.SourceConvention) {
      return cost.multiplyBy(IN_SOURCE);
    }
    return cost;
  }
}
