package io.junctionsql.planner.optimizer;

import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;

import com.google.common.collect.ImmutableList;

/** Calcite's metadata with Junction's corrections in front: key-aware row counts, uniqueness, transfer cost. */
public final class JunctionMetadata {
  public static final RelMetadataProvider PROVIDER = ChainedRelMetadataProvider.of(ImmutableList.of(
      KeyAwareRowCount.SOURCE, ConverterAwareUniqueness.SOURCE, ConverterDistinctValues.SOURCE, TransferCost.SOURCE,
      DefaultRelMetadataProvider.INSTANCE));

  private JunctionMetadata() {
  }
}
