package io.junctionsql.planner.security.enforce;

import io.junctionsql.planner.JunctionException;
import io.junctionsql.planner.SqlStates;
import io.junctionsql.planner.runtime.JunctionTypeSystem;
import io.junctionsql.planner.security.Access;
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
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;

import com.google.common.collect.ImmutableList;

import java.util.Optional;

/**
 * A readable table as one identity sees it. Its row type lacks hidden columns and shows masked ones with
 * their masked type; its plan is the table's own scan (so the source's pushdown applies) under the view's
 * Filter and Project. The catalog reads its keys and semantics, which show only what the view shows.
 */
final class PolicyTable extends AbstractTable implements TranslatableTable, SemanticTable {
  private static final RelDataTypeFactory TYPES = new SqlTypeFactoryImpl(JunctionTypeSystem.INSTANCE);

  private final Table table;
  private final String source;
  private final String schema;
  private final String name;
  private final Access access;
  private final SourceSession session;

  PolicyTable(Table table, String source, String schema, String name, Access access, SourceSession session) {
    this.table = table;
    this.source = source;
    this.schema = schema;
    this.name = name;
    this.access = access;
    this.session = session;
  }

  private TableView view(RelDataType tableType) {
    return TableView.of(access, source, schema, name, tableType.getFieldNames());
  }

  @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataType own = table.getRowType(typeFactory);
    return view(own).rowType(own, typeFactory);
  }

  @Override public Statistic getStatistic() {
    return RestrictedStatistic.of(table.getStatistic(), view(table.getRowType(TYPES)));
  }

  @Override public Schema.TableType getJdbcTableType() {
    return table.getJdbcTableType();
  }

  @Override public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    if (!(table instanceof TranslatableTable)) {
      // Every source's tables plan themselves; a table that does not cannot be given a view, so it is refused.
      throw new JunctionException(SqlStates.INSUFFICIENT_PRIVILEGE, "Table " + source + "." + schema + "." + name
          + " cannot be read under the gateway's policies: Junction cannot restrict its kind of table.");
    }
    RelDataType own = table.getRowType(context.getCluster().getTypeFactory());
    RelOptTable real = RelOptTableImpl.create(relOptTable.getRelOptSchema(), own, table,
        ImmutableList.copyOf(relOptTable.getQualifiedName()));
    RelNode scan = ((TranslatableTable) table).toRel(context, real);
    TableView view = view(own);
    return view.unrestricted() ? scan
        : RestrictedScan.build(scan, view, access.identity().user(), relOptTable.getRowType());
  }

  @Override public String sourceName() {
    return source;
  }

  @Override public String schemaName() {
    return schema;
  }

  @Override public String tableName() {
    return name;
  }

  @Override public Optional<SemanticEntity> semantics() {
    if (!(table instanceof SemanticTable)) {
      return Optional.empty();
    }
    return RestrictedSemantics.of(((SemanticTable) table).semantics(), view(table.getRowType(TYPES)), access,
        source, schema);
  }

  @Override public String semanticsMode() {
    return table instanceof SemanticTable ? ((SemanticTable) table).semanticsMode() : "off";
  }

  @Override public SourceSession session() {
    return session;
  }
}
