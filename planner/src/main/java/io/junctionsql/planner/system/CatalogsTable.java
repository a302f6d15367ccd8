package io.junctionsql.planner.system;

import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;

/** {@code junction.catalogs}: one row per source, shaped like {@code DatabaseMetaData.getCatalogs}. */
final class CatalogsTable extends CatalogTable {
  @Override List<Column> columns() {
    return columns("TABLE_CAT", SqlTypeName.VARCHAR);
  }

  @Override List<Object[]> rows(SchemaPlus root, RelDataTypeFactory typeFactory, NamePatterns patterns) {
    List<Object[]> out = new ArrayList<>();
    for (String source : CatalogWalker.sources(root, patterns.catalog())) {
      out.add(new Object[] {source});
    }
    return out;
  }
}
