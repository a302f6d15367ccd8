package io.junctionsql.planner.security.enforce;

import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;

/**
 * A table's statistics as its view may show them: the row count, and the keys made only of columns shown
 * unmasked (a key with a hidden column would name it; a masked column is no longer unique). Foreign keys
 * and collations are left out: their ordinals refer to columns a view may lack. The planner is not
 * affected, because it reads statistics from the table's own scan below the view.
 */
final class RestrictedStatistic {
  private RestrictedStatistic() {
  }

  static Statistic of(Statistic table, TableView view) {
    List<ImmutableBitSet> keys = new ArrayList<>();
    List<ImmutableBitSet> own = table.getKeys();
    for (ImmutableBitSet key : own == null ? List.<ImmutableBitSet>of() : own) {
      ImmutableBitSet.Builder mapped = ImmutableBitSet.builder();
      boolean shown = true;
      for (int ordinal : key) {
        int position = view.plainPosition(ordinal);
        shown &= position >= 0;
        if (position >= 0) {
          mapped.set(position);
        }
      }
      if (shown) {
        keys.add(mapped.build());
      }
    }
    return Statistics.of(table.getRowCount(), keys, List.of(), List.of());
  }
}
