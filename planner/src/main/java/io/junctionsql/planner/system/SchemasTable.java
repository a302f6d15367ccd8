package io.junctionsql.planner.system;

import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;

/** {@code junction.schemas}: each source's schemas, shaped like {@code DatabaseMetaData.getSchemas}. */
final class SchemasTable extends CatalogTable {
  @Override List<Column> columns() {
    return columns("TABLE_CATALOG", SqlTypeName.VARCHAR, "TABLE_SCHEM", SqlTypeName.VARCHAR);
  }

  @Override List<Object[]> rows(SchemaPlus root, RelDataTypeFactory typeFactory, NamePatterns patterns) {
    List<Object[]> out = new ArrayList<>();
    for (String[] pair : CatalogWalker.schemas(root, patterns)) {
      out.add(new Object[] {pair[0], pair[1]});
    }
    return out;
  }
}
