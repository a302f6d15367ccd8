package io.junctionsql.planner.system;

import io.junctionsql.planner.semantic.SemanticAssociation;

import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.type.SqlTypeName;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code junction.imported_keys}: the many-to-one associations the sources' semantics declare, as
 * foreign keys shaped like {@code DatabaseMetaData.getImportedKeys}. The foreign-key side comes first,
 * so that filters on it prune the walk.
 */
final class ImportedKeysTable extends CatalogTable {
  @Override List<Column> columns() {
    return columns("FKTABLE_CAT", SqlTypeName.VARCHAR, "FKTABLE_SCHEM", SqlTypeName.VARCHAR,
        "FKTABLE_NAME", SqlTypeName.VARCHAR, "FKCOLUMN_NAME", SqlTypeName.VARCHAR,
        "PKTABLE_CAT", SqlTypeName.VARCHAR, "PKTABLE_SCHEM", SqlTypeName.VARCHAR, "PKTABLE_NAME", SqlTypeName.VARCHAR,
        "PKCOLUMN_NAME", SqlTypeName.VARCHAR, "KEY_SEQ", SqlTypeName.SMALLINT, "UPDATE_RULE", SqlTypeName.SMALLINT,
        "DELETE_RULE", SqlTypeName.SMALLINT, "FK_NAME", SqlTypeName.VARCHAR, "PK_NAME", SqlTypeName.VARCHAR,
        "DEFERRABILITY", SqlTypeName.SMALLINT);
  }

  @Override List<Object[]> rows(SchemaPlus root, RelDataTypeFactory typeFactory, NamePatterns patterns) {
    List<Object[]> out = new ArrayList<>();
    for (CatalogEntry e : CatalogWalker.tables(root, patterns)) {
      Semantics.of(e.table()).ifPresent(entity -> {
        for (SemanticAssociation a : entity.manyToOneAssociations()) {
          short seq = 1;
          for (var pair : a.columnPairs()) {
            out.add(new Object[] {e.catalog(), e.schema(), e.name(), pair.source(), e.catalog(), e.schema(), a.target(),
                pair.target(), seq++, (short) DatabaseMetaData.importedKeyNoAction,
                (short) DatabaseMetaData.importedKeyNoAction, a.name(), null,
                (short) DatabaseMetaData.importedKeyNotDeferrable});
          }
        }
      });
    }
    return out;
  }
}
