package io.junctionsql.planner.optimizer;

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

  /** Everything else costs what Calcite says. */
  public RelOptCost getNonCumulativeCost(RelNode rel, RelMetadataQuery mq) {
    return rel.computeSelfCost(rel.getCluster().getPlanner(), mq);
  }
}
