package io.junctionsql.planner.security.enforce;

import io.junctionsql.planner.security.Access;
import io.junctionsql.planner.security.Mask;
import io.junctionsql.planner.security.RowFilter;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;

import java.util.ArrayList;
import java.util.List;

/**
 * What one identity sees of one table: which of its columns, each as it is or masked, and the row
 * filters its rows must meet. Hidden columns are simply not among the columns.
 */
final class TableView {
  /**
   * One column the identity sees.
   *
   * @param ordinal its position in the table
   * @param name its name
   * @param mask how its values are replaced; null when they are shown
   */
  record Column(int ordinal, String name, Mask mask) {
  }

  private final String qualifiedName;
  private final int width;
  private final List<Column> columns;
  private final List<RowFilter> filters;

  private TableView(String qualifiedName, int width, List<Column> columns, List<RowFilter> filters) {
    this.qualifiedName = qualifiedName;
    this.width = width;
    this.columns = List.copyOf(columns);
    this.filters = List.copyOf(filters);
  }

  static TableView of(Access access, String source, String schema, String table, List<String> tableColumns) {
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < tableColumns.size(); i++) {
      String c = tableColumns.get(i);
      if (!access.hidden(source, schema, table, c)) {
        columns.add(new Column(i, c, access.mask(source, schema, table, c).orElse(null)));
      }
    }
    return new TableView(source + "." + schema + "." + table, tableColumns.size(), columns,
        access.rowFilters(source, schema, table));
  }

  /** {@code source.schema.table}, for messages. */
  String qualifiedName() {
    return qualifiedName;
  }

  List<Column> columns() {
    return columns;
  }

  List<RowFilter> filters() {
    return filters;
  }

  /** Whether the identity sees the table as it is. */
  boolean unrestricted() {
    return filters.isEmpty() && columns.size() == width && columns.stream().allMatch(c -> c.mask() == null);
  }

  /** Where a column of the table shows unmasked in this view; -1 if it is hidden or masked. */
  int plainPosition(int ordinal) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).ordinal() == ordinal) {
        return columns.get(i).mask() == null ? i : -1;
      }
    }
    return -1;
  }

  /** Whether a column of the table (by name) is hidden in this view. */
  boolean hides(String column) {
    return columns.stream().noneMatch(c -> c.name().equals(column));
  }

  RelDataType rowType(RelDataType tableType, RelDataTypeFactory types) {
    RelDataTypeFactory.Builder b = types.builder();
    for (Column c : columns) {
      RelDataTypeField f = tableType.getFieldList().get(c.ordinal());
      b.add(f.getName(), c.mask() == null ? f.getType() : Masking.type(c.mask(), f.getType(), types));
    }
    return b.build();
  }
}
