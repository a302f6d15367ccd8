package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.semantic.SemanticAssociation;
import io.junctionsql.planner.semantic.SemanticEntity;
import io.junctionsql.planner.semantic.SemanticTable;
import io.junctionsql.planner.source.SourceSession;

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
import org.apache.calcite.rel.RelReferentialConstraint;
import org.apache.calcite.rel.RelReferentialConstraintImpl;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.IntPair;

import com.google.common.collect.ImmutableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table or view of a JDBC source, with the row count and key its database reports. Creating one
 * reads nothing: Calcite makes one for every table of a schema it lists, and only the tables a query
 * uses should cost a metadata read. Metadata comes from the source's catalog, which keeps it for its TTL.
 */
final class JdbcSourceTable extends AbstractTable implements TranslatableTable, SemanticTable {
  private final JdbcSource source;
  private final String schema;
  private final String name;
  private final Schema.TableType type;
  private final SourceSession session;

  JdbcSourceTable(JdbcSource source, String schema, String name, Schema.TableType type, SourceSession session) {
    this.source = source;
    this.schema = schema;
    this.name = name;
    this.type = type;
    this.session = session;
  }

  @Override public String sourceName() {
    return source.name();
  }

  @Override public String schemaName() {
    return schema;
  }

  @Override public String tableName() {
    return name;
  }

  /** The source catalog's own semantics for this table when it has them, else the flavor's (CSN files). */
  @Override public Optional<SemanticEntity> semantics() {
    Optional<SemanticEntity> own = metadata().semantics();
    return own.isPresent() ? own : source.flavor().semantics().entity(name);
  }

  @Override public String semanticsMode() {
    return source.flavor().semanticsMode();
  }

  @Override public SourceSession session() {
    return session;
  }

  private static final org.apache.calcite.rel.type.RelDataTypeFactory TYPES =
      new org.apache.calcite.sql.type.SqlTypeFactoryImpl(io.junctionsql.planner.runtime.JunctionTypeSystem.INSTANCE);

  private TableMetadata metadata() {
    return source.catalog().table(schema, name, session).orElseThrow(() -> new IllegalStateException(
        "table " + schema + "." + name + " disappeared from source " + source.name()));
  }

  @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return metadata().rowType().apply(typeFactory);
  }

  /** Calcite asks here for what the source's statistics know of distinct values. */
  @Override public <C> C unwrap(Class<C> aClass) {
    if (aClass == org.apache.calcite.rel.metadata.BuiltInMetadata.DistinctRowCount.Handler.class) {
      Map<String, Double> distinct = metadata().distinctValues();
      return distinct.isEmpty() ? null : aClass.cast(new ColumnDistinctValues(distinct));
    }
    return super.unwrap(aClass);
  }

  /**
   * Row count, the key (the database's, or for a view the one its semantics declare) and, from the
   * semantics, each many-to-one association as a foreign key, which lets the planner treat the join as
   * many-to-one.
   */
  @Override public Statistic getStatistic() {
    TableMetadata m = metadata();
    List<String> columns = m.rowType().apply(TYPES).getFieldNames();
    List<Integer> key = m.primaryKey();
    Optional<SemanticEntity> entity = semantics();
    if (key.isEmpty() && entity.isPresent()) {
      key = ordinals(columns, entity.get().keyColumns());
    }
    List<ImmutableBitSet> keys = key.isEmpty() || key.contains(-1) ? List.of() : List.of(ImmutableBitSet.of(key));
    List<RelReferentialConstraint> foreignKeys = new ArrayList<>();
    entity.ifPresent(e -> e.manyToOneAssociations().forEach(a -> foreignKeys.add(foreignKey(columns, a))));
    foreignKeys.removeIf(java.util.Objects::isNull);
    return Statistics.of(m.rowCount(), keys, foreignKeys, List.of());
  }

  private RelReferentialConstraint foreignKey(List<String> columns, SemanticAssociation a) {
    List<Integer> from = ordinals(columns, a.sourceColumns());
    Optional<TableMetadata> target = source.catalog().table(schema, a.target(), session);
    if (from.contains(-1) || target.isEmpty()) {
      return null;
    }
    List<Integer> to = ordinals(target.get().rowType().apply(TYPES).getFieldNames(), a.targetColumns());
    if (to.contains(-1)) {
      return null;
    }
    List<IntPair> pairs = new ArrayList<>();
    for (int i = 0; i < from.size(); i++) {
      pairs.add(IntPair.of(from.get(i), to.get(i)));
    }
    return RelReferentialConstraintImpl.of(source.flavor().remoteName(schema, name),
        source.flavor().remoteName(schema, a.target()), pairs);
  }

  private static List<Integer> ordinals(List<String> columns, List<String> names) {
    List<Integer> out = new ArrayList<>();
    for (String n : names) {
      out.add(columns.indexOf(n));
    }
    return out;
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
