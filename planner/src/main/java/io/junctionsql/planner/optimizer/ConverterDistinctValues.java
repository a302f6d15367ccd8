package io.junctionsql.planner.optimizer;

import org.apache.calcite.rel.convert.Converter;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Distinct values seen through the hand-over from a source: Calcite knows none for a converter, so a join in
 * Junction of two sources' rows lost the source's column statistics and was estimated as a join on keys.
 */
public final class ConverterDistinctValues implements MetadataHandler<BuiltInMetadata.DistinctRowCount> {
  public static final RelMetadataProvider SOURCE = ReflectiveRelMetadataProvider.reflectiveSource(
      new ConverterDistinctValues(), BuiltInMetadata.DistinctRowCount.Handler.class);

  @Override public MetadataDef<BuiltInMetadata.DistinctRowCount> getDef() {
    return BuiltInMetadata.DistinctRowCount.DEF;
  }

  public Double getDistinctRowCount(Converter rel, RelMetadataQuery mq, ImmutableBitSet groupKey, RexNode predicate) {
    return mq.getDistinctRowCount(rel.getInput(), groupKey, predicate);
  }
}
