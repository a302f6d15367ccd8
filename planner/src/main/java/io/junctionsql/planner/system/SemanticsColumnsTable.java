package io.junctionsql.planner.system;

import io.junctionsql.planner.semantic.SemanticElement;

import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code junction.semantics_columns}: what each column of a source with semantics means — its role
 * (key, measure, dimension, attribute), a measure's default aggregation, the column holding an amount's
 * currency or a quantity's unit, text and language columns, its label and whether it is personal data.
 */
final class SemanticsColumnsTable extends CatalogTable {
  @Override List<Column> columns() {
    return columns("TABLE_CAT", SqlTypeName.VARCHAR, "TABLE_SCHEM", SqlTypeName.VARCHAR,
        "TABLE_NAME", SqlTypeName.VARCHAR, "COLUMN_NAME", SqlTypeName.VARCHAR, "ROLE", SqlTypeName.VARCHAR,
        "IS_KEY", SqlTypeName.BOOLEAN, "AGGREGATION", SqlTypeName.VARCHAR, "CURRENCY_COLUMN", SqlTypeName.VARCHAR,
        "UNIT_COLUMN", SqlTypeName.VARCHAR, "IS_CURRENCY_CODE", SqlTypeName.BOOLEAN,
        "IS_UNIT_OF_MEASURE", SqlTypeName.BOOLEAN, "TEXT_COLUMN", SqlTypeName.VARCHAR, "IS_TEXT", SqlTypeName.BOOLEAN,
        "IS_LANGUAGE", SqlTypeName.BOOLEAN, "FOREIGN_KEY_ASSOCIATION", SqlTypeName.VARCHAR,
        "LABEL", SqlTypeName.VARCHAR, "PERSONAL_DATA", SqlTypeName.BOOLEAN);
  }

  @Override List<Object[]> rows(SchemaPlus root, RelDataTypeFactory typeFactory, NamePatterns patterns) {
    List<Object[]> out = new ArrayList<>();
    for (CatalogEntry e : CatalogWalker.tables(root, patterns)) {
      Semantics.of(e.table()).ifPresent(entity -> {
        for (SemanticElement c : entity.elements()) {
          out.add(new Object[] {e.catalog(), e.schema(), e.name(), c.name(), c.role().name(), c.key(),
              c.defaultAggregation().map(Enum::name).orElse(null), c.currencyColumn().orElse(null),
              c.unitColumn().orElse(null), c.currencyCode(), c.unitOfMeasure(), c.textElement().orElse(null),
              c.text(), c.language(), c.foreignKeyAssociation().orElse(null), c.label().orElse(null),
              c.personalData().personal()});
        }
      });
    }
    return out;
  }
}
