package io.junctionsql.planner.system;

import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;

/** {@code junction.tables}: every table and view, shaped like {@code DatabaseMetaData.getTables}. */
final class TablesTable extends CatalogTable {
  @Override List<Column> columns() {
    return columns("TABLE_CAT", SqlTypeName.VARCHAR, "TABLE_SCHEM", SqlTypeName.VARCHAR,
        "TABLE_NAME", SqlTypeName.VARCHAR, "TABLE_TYPE", SqlTypeName.VARCHAR, "REMARKS", SqlTypeName.VARCHAR,
        "TYPE_CAT", SqlTypeName.VARCHAR, "TYPE_SCHEM", SqlTypeName.VARCHAR, "TYPE_NAME", SqlTypeName.VARCHAR,
        "SELF_REFERENCING_COL_NAME", SqlTypeName.VARCHAR, "REF_GENERATION", SqlTypeName.VARCHAR);
  }

  @Override List<Object[]> rows(SchemaPlus root, RelDataTypeFactory typeFactory, NamePatterns patterns) {
    List<Object[]> out = new ArrayList<>();
    for (CatalogEntry e : CatalogWalker.tables(root, patterns)) {
      String type = e.table().getJdbcTableType().jdbcName;
      out.add(new Object[] {e.catalog(), e.schema(), e.name(), type, Semantics.tableLabel(e.table()), null, null, null,
          null, null});
    }
    return out;
  }
}
