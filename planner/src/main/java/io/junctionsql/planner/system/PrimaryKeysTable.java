package io.junctionsql.planner.system;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;

/** {@code junction.primary_keys}: declared keys, shaped like {@code DatabaseMetaData.getPrimaryKeys}. */
final class PrimaryKeysTable extends CatalogTable {
  @Override List<Column> columns() {
    return columns("TABLE_CAT", SqlTypeName.VARCHAR, "TABLE_SCHEM", SqlTypeName.VARCHAR,
        "TABLE_NAME", SqlTypeName.VARCHAR, "COLUMN_NAME", SqlTypeName.VARCHAR, "KEY_SEQ", SqlTypeName.SMALLINT,
        "PK_NAME", SqlTypeName.VARCHAR);
  }

  @Override List<Object[]> rows(SchemaPlus root, RelDataTypeFactory typeFactory, NamePatterns patterns) {
    List<Object[]> out = new ArrayList<>();
    for (CatalogEntry e : CatalogWalker.tables(root, patterns)) {
      List<ImmutableBitSet> keys = e.table().getStatistic().getKeys();
      if (keys == null || keys.isEmpty()) {
        continue;
      }
      RelDataType rowType = e.table().getRowType(typeFactory);
      short seq = 1;
      for (int column : keys.get(0)) {
        out.add(new Object[] {e.catalog(), e.schema(), e.name(), rowType.getFieldNames().get(column), seq++,
            e.name() + "_pkey"});
      }
    }
    return out;
  }
}
