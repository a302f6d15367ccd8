package io.junctionsql.planner.system;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.type.SqlTypeName;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;

/** {@code junction.columns}: every column, shaped like {@code DatabaseMetaData.getColumns}. */
final class ColumnsTable extends CatalogTable {
  @Override List<Column> columns() {
    return columns("TABLE_CAT", SqlTypeName.VARCHAR, "TABLE_SCHEM", SqlTypeName.VARCHAR,
        "TABLE_NAME", SqlTypeName.VARCHAR, "COLUMN_NAME", SqlTypeName.VARCHAR, "DATA_TYPE", SqlTypeName.INTEGER,
        "TYPE_NAME", SqlTypeName.VARCHAR, "COLUMN_SIZE", SqlTypeName.INTEGER, "BUFFER_LENGTH", SqlTypeName.INTEGER,
        "DECIMAL_DIGITS", SqlTypeName.INTEGER, "NUM_PREC_RADIX", SqlTypeName.INTEGER,
        "NULLABLE", SqlTypeName.INTEGER, "REMARKS", SqlTypeName.VARCHAR, "COLUMN_DEF", SqlTypeName.VARCHAR,
        "SQL_DATA_TYPE", SqlTypeName.INTEGER, "SQL_DATETIME_SUB", SqlTypeName.INTEGER,
        "CHAR_OCTET_LENGTH", SqlTypeName.INTEGER, "ORDINAL_POSITION", SqlTypeName.INTEGER,
        "IS_NULLABLE", SqlTypeName.VARCHAR, "SCOPE_CATALOG", SqlTypeName.VARCHAR,
        "SCOPE_SCHEMA", SqlTypeName.VARCHAR, "SCOPE_TABLE", SqlTypeName.VARCHAR,
        "SOURCE_DATA_TYPE", SqlTypeName.SMALLINT, "IS_AUTOINCREMENT", SqlTypeName.VARCHAR,
        "IS_GENERATEDCOLUMN", SqlTypeName.VARCHAR);
  }

  @Override List<Object[]> rows(SchemaPlus root, RelDataTypeFactory typeFactory, NamePatterns patterns) {
    List<Object[]> out = new ArrayList<>();
    for (CatalogEntry e : CatalogWalker.tables(root, patterns)) {
      for (RelDataTypeField f : e.table().getRowType(typeFactory).getFieldList()) {
        out.add(row(e, f));
      }
    }
    return out;
  }

  private static Object[] row(CatalogEntry e, RelDataTypeField f) {
    RelDataType t = f.getType();
    SqlTypeName name = t.getSqlTypeName();
    Integer size = name.allowsPrec() && t.getPrecision() >= 0 ? t.getPrecision() : null;
    Integer digits = name.allowsScale() ? t.getScale() : null;
    boolean text = SqlTypeName.CHAR_TYPES.contains(name);
    return new Object[] {e.catalog(), e.schema(), e.name(), f.getName(), name.getJdbcOrdinal(),
        t.getFullTypeString().replace(" NOT NULL", ""), size, null, digits, 10,
        t.isNullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
        Semantics.columnLabel(e.table(), f.getName()), null, null, null, text ? size : null, f.getIndex() + 1, t.isNullable() ? "YES" : "NO",
        null, null, null, null, "NO", "NO"};
  }
}
