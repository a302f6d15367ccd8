package io.junctionsql.planner.source.jdbc;

import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.RelOptTableImpl;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.util.ImmutableBitSet;

import com.google.common.collect.ImmutableList;

import java.util.List;

/** A table or view of a JDBC source, with the row count and key its database reports. */
final class JdbcSourceTable extends AbstractTable implements TranslatableTable {
  private final JdbcSource source;
  private final TableMetadata metadata;

  JdbcSourceTable(JdbcSource source, TableMetadata metadata) {
    this.source = source;
    this.metadata = metadata;
  }

  TableMetadata metadata() {
    return metadata;
  }

  @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return metadata.rowType().apply(typeFactory);
  }

  @Override public Statistic getStatistic() {
    List<ImmutableBitSet> keys = metadata.primaryKey().isEmpty() || metadata.primaryKey().contains(-1)
        ? List.of() : List.of(ImmutableBitSet.of(metadata.primaryKey()));
    return Statistics.of(metadata.rowCount(), keys);
  }

  @Override public Schema.TableType getJdbcTableType() {
    return metadata.type();
  }

  @Override public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    // The scan carries the table's name as the source spells it, which is what the generated SQL uses.
    RelOptTable remote = RelOptTableImpl.create(relOptTable.getRelOptSchema(), relOptTable.getRowType(), this,
        ImmutableList.of(metadata.schema(), metadata.name()));
    return new JdbcSourceTableScan(context.getCluster(), context.getTableHints(), remote, source.name(),
        source.convention());
  }
}
