package io.junctionsql.planner.source.jdbc;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.List;
import java.util.Map;

/**
 * Distinct values of a scan's columns from the source's statistics, which Calcite asks a table for (through
 * {@code unwrap}) before it falls back to knowing nothing. A group of columns counts as the product of its
 * columns' values, never more than the rows.
 */
final class ColumnDistinctValues implements BuiltInMetadata.DistinctRowCount.Handler {
  private final Map<String, Double> byColumn;

  ColumnDistinctValues(Map<String, Double> byColumn) {
    this.byColumn = byColumn;
  }

  @Override public Double getDistinctRowCount(RelNode scan, RelMetadataQuery mq, ImmutableBitSet groupKey,
      RexNode predicate) {
    Double rows = mq.getRowCount(scan);
    if (rows == null || groupKey.isEmpty()) {
      return null;
    }
    if (Boolean.TRUE.equals(mq.areColumnsUnique(scan, groupKey))) {
      return rows;
    }
    List<String> names = scan.getRowType().getFieldNames();
    double product = 1;
    for (int column : groupKey) {
      Double n = byColumn.get(names.get(column));
      if (n == null) {
        return null;
      }
      product *= n;
    }
    return Math.min(product, rows);
  }
}
