package io.junctionsql.planner.system;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.FilterableTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table of the {@code junction} schema. In the catalog's tables the first three columns are catalog
 * (source), schema and table name, so that filters on them prune the walk; the filters stay in the plan
 * as well.
 */
abstract class CatalogTable extends AbstractTable implements FilterableTable {
  /**
   * One column of a catalog table.
   *
   * @param name its name, as JDBC's {@code DatabaseMetaData} spells it
   * @param type its type
   */
  record Column(String name, SqlTypeName type) {
  }

  abstract List<Column> columns();

  abstract List<Object[]> rows(SchemaPlus root, RelDataTypeFactory typeFactory, NamePatterns patterns);

  @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder b = typeFactory.builder();
    for (Column c : columns()) {
      b.add(c.name(), typeFactory.createTypeWithNullability(typeFactory.createSqlType(c.type()), true));
    }
    return b.build();
  }

  @Override public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters) {
    SchemaPlus rootSchema = Objects.requireNonNull(root.getRootSchema(), "root schema");
    return Linq4j.asEnumerable(rows(rootSchema, root.getTypeFactory(), patterns(filters)));
  }

  /** The name patterns the filters give; a table whose first columns are not names ignores them. */
  NamePatterns patterns(List<RexNode> filters) {
    return NamePatterns.from(filters);
  }

  @Override public Schema.TableType getJdbcTableType() {
    return Schema.TableType.SYSTEM_TABLE;
  }

  static List<Column> columns(Object... nameTypePairs) {
    List<Column> out = new ArrayList<>();
    for (int i = 0; i < nameTypePairs.length; i += 2) {
      out.add(new Column((String) nameTypePairs[i], (SqlTypeName) nameTypePairs[i + 1]));
    }
    return out;
  }
}
