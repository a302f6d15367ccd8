package io.junctionsql.planner.dialect;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.function.Function;

/**
 * The tables the golden queries read: a Datasphere-like space with mixed-case names, a column with a
 * double quote in its name and one column of every type the dialect writes.
 */
final class SalesSpaceSchema {
  static final String NAME = "Sales_Space";

  private SalesSpaceSchema() {
  }

  /** Adds the space to a root schema and returns it. */
  static SchemaPlus addTo(SchemaPlus root) {
    SchemaPlus space = root.add(NAME, new AbstractSchema());
    space.add("SalesOrders", table(f -> f.builder()
        .add("OrderId", SqlTypeName.INTEGER)
        .add("CustomerId", SqlTypeName.BIGINT).nullable(true)
        .add("LineNo", SqlTypeName.SMALLINT).nullable(true)
        .add("Quantity", SqlTypeName.TINYINT).nullable(true)
        .add("Amount", SqlTypeName.DECIMAL, 15, 2).nullable(true)
        .add("Discount", SqlTypeName.DOUBLE).nullable(true)
        .add("Weight", SqlTypeName.REAL).nullable(true)
        .add("CustomerName", SqlTypeName.VARCHAR, 100).nullable(true)
        .add("Region", SqlTypeName.VARCHAR, 10).nullable(true)
        .add("IsPaid", SqlTypeName.BOOLEAN).nullable(true)
        .add("OrderDate", SqlTypeName.DATE).nullable(true)
        .add("ShipTime", SqlTypeName.TIME).nullable(true)
        .add("CreatedAt", SqlTypeName.TIMESTAMP, 3).nullable(true)
        .add("Note\"Text", SqlTypeName.VARCHAR, 200).nullable(true)
        .add("status", SqlTypeName.VARCHAR, 20).nullable(true)
        .build()));
    space.add("Customers", table(f -> f.builder()
        .add("CustomerId", SqlTypeName.BIGINT)
        .add("Name", SqlTypeName.VARCHAR, 100).nullable(true)
        .add("Country", SqlTypeName.CHAR, 2).nullable(true)
        .add("Segment", SqlTypeName.VARCHAR, 20).nullable(true)
        .add("CreditLimit", SqlTypeName.DECIMAL, 15, 2).nullable(true)
        .add("SignupDate", SqlTypeName.DATE).nullable(true)
        .add("IsActive", SqlTypeName.BOOLEAN).nullable(true)
        .build()));
    return space;
  }

  /** A table with no rows, only a row type: enough to plan and print queries against it. */
  static AbstractTable table(Function<RelDataTypeFactory, RelDataType> rowType) {
    return new AbstractTable() {
      @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return rowType.apply(typeFactory);
      }
    };
  }
}
