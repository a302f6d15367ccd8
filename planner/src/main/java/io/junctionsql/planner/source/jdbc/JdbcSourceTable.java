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

/**
 * A table or view of a JDBC source, with the row count and key its database reports. Creating one
 * reads nothing: Calcite makes one for every table of a schema it lists, and only the tables a query
 * uses should cost a metadata read. Metadata comes from the source's catalog, which keeps it for its TTL.
 */
final class JdbcSourceTable extends AbstractTable implements TranslatableTable {
  private final JdbcSource source;
  private final String schema;
  private final String name;
  private final Schema.TableType type;

  JdbcSourceTable(JdbcSource source, String schema, String name, Schema.TableType type) {
    this.source = source;
    this.schema = schema;
    this.name = name;
    this.type = type;
  }

  private TableMetadata metadata() {
    return source.catalog().table(schema, name).orElseThrow(() -> new IllegalStateException(
        "table " + schema + "." + name + " disappeared from source " + source.name()));
  }

  @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return metadata().rowType().apply(typeFactory);
  }

  @Override public Statistic getStatistic() {
    TableMetadata m = metadata();
    List<ImmutableBitSet> keys = m.primaryKey().isEmpty() || m.primaryKey().contains(-1)
        ? List.of() : List.of(ImmutableBitSet.of(m.primaryKey()));
    return Statistics.of(m.rowCount(), keys);
  }

  @Override public Schema.TableType getJdbcTableType() {
    return type;
  }

  @Override public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    // The scan carries the table's name as the source spells it, which is what the generated SQL uses.
    RelOptTable remote = RelOptTableImpl.create(relOptTable.getRelOptSchema(), relOptTable.getRowType(), this,
        ImmutableList.copyOf(source.flavor().remoteName(schema, name)));
    return new JdbcSourceTableScan(context.getCluster(), context.getTableHints(), remote, source.name(),
        source.convention());
  }
}
