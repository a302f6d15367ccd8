package io.junctionsql.planner.optimizer;

import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.Converter;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.CyclicMetadataException;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Key uniqueness seen through the hand-over from a source. Calcite's planner asks a set of
 * equivalent plans whether columns are unique, but skips converters, so a customer key read from a
 * source stops being a key once it reaches Junction, and every join on it is misjudged.
 */
public final class ConverterAwareUniqueness implements MetadataHandler<BuiltInMetadata.ColumnUniqueness> {
  public static final RelMetadataProvider SOURCE = ReflectiveRelMetadataProvider.reflectiveSource(
      new ConverterAwareUniqueness(), BuiltInMetadata.ColumnUniqueness.Handler.class);

  @Override public MetadataDef<BuiltInMetadata.ColumnUniqueness> getDef() {
    return BuiltInMetadata.ColumnUniqueness.DEF;
  }

  /** True if any equivalent plan in the set proves the columns unique. */
  public Boolean areColumnsUnique(RelSubset subset, RelMetadataQuery mq, ImmutableBitSet columns,
      boolean ignoreNulls) {
    for (RelNode rel : subset.getRels()) {
      if (rel instanceof Converter || rel instanceof Aggregate || rel instanceof Filter || rel instanceof Sort
          || rel instanceof TableScan || rel instanceof Project) {
        try {
          if (Boolean.TRUE.equals(mq.areColumnsUnique(rel, columns, ignoreNulls))) {
            return true;
          }
        } catch (CyclicMetadataException e) {
          // Another plan of the set answers without the cycle.
        }
      }
    }
    return false;
  }
}
