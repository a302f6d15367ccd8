package io.junctionsql.planner.source.delta;

import io.junctionsql.planner.source.SourceSession;

import io.delta.kernel.Snapshot;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

import java.util.List;

/**
 * A Delta table as one connection sees it, at the snapshot its name asks for. Within one statement
 * every mention of the table reads the same snapshot: it is pinned in the connection's session.
 */
public final class DeltaTable extends AbstractTable implements TranslatableTable {
  private final DeltaSource source;
  private final DeltaTableLocation location;
  private final TimeTravel travel;
  private final SourceSession session;

  DeltaTable(DeltaSource source, DeltaTableLocation location, TimeTravel travel, SourceSession session) {
    this.source = source;
    this.location = location;
    this.travel = travel;
    this.session = session;
  }

  DeltaSource source() {
    return source;
  }

  DeltaTableLocation location() {
    return location;
  }

  SourceSession session() {
    return session;
  }

  /** The snapshot this statement reads. */
  Snapshot snapshot() {
    String key = "delta:" + location.path() + "@" + travel;
    return session.pin(key, () -> {
      if (travel.version() >= 0) {
        return source.atVersion(location, travel.version());
      }
      if (travel.timestampMillis() >= 0) {
        return source.atTimestamp(location, travel.timestampMillis());
      }
      return source.latest(location);
    });
  }

  DeltaTableStats stats() {
    Snapshot s = snapshot();
    return source.stats(location, s);
  }

  /** The table as users name it, with its version: {@code marketing.events@v3}. */
  String displayName() {
    return location.schema() + "." + location.name() + "@v" + snapshot().getVersion();
  }

  @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return DeltaTypes.rowType(snapshot().getSchema(), typeFactory);
  }

  @Override public Statistic getStatistic() {
    return Statistics.of(Math.max(1, stats().rows()), List.of());
  }

  @Override public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    int n = relOptTable.getRowType().getFieldCount();
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return new DeltaScan(context.getCluster(), context.getCluster().traitSetOf(EnumerableConvention.INSTANCE),
        relOptTable, this, all, null);
  }
}
