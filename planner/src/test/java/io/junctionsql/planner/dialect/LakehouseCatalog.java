package io.junctionsql.planner.dialect;

import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The tables the Databricks golden queries read, laid out as Unity Catalog lays them out: catalog
 * {@code main}, schema {@code sales}, so that table names have three parts; beside it a schema
 * {@code legacy} directly under the root, as a Hive metastore or a Spark thrift server shows it, whose
 * table names have two. Spark strings have no length, so most text columns are VARCHAR without one.
 * Some names are odd on purpose: mixed case, a backtick, a space, a dot.
 */
final class LakehouseCatalog {
  static final String CATALOG = "main";
  static final String SCHEMA = "sales";

  private LakehouseCatalog() {
  }

  /** Adds the catalog and the legacy schema to a root schema and returns {@code main.sales}. */
  static SchemaPlus addTo(SchemaPlus root) {
    SchemaPlus sales = root.add(CATALOG, new AbstractSchema()).add(SCHEMA, new AbstractSchema());
    sales.add("orders", SalesSpaceSchema.table(f -> f.builder()
        .add("order_id", SqlTypeName.INTEGER)
        .add("customer_id", SqlTypeName.BIGINT).nullable(true)
        .add("line_no", SqlTypeName.SMALLINT).nullable(true)
        .add("quantity", SqlTypeName.TINYINT).nullable(true)
        .add("amount", SqlTypeName.DECIMAL, 15, 2).nullable(true)
        .add("discount", SqlTypeName.DOUBLE).nullable(true)
        .add("weight", SqlTypeName.REAL).nullable(true)
        .add("CustomerName", SqlTypeName.VARCHAR).nullable(true)
        .add("region", SqlTypeName.VARCHAR).nullable(true)
        .add("is_paid", SqlTypeName.BOOLEAN).nullable(true)
        .add("order_date", SqlTypeName.DATE).nullable(true)
        .add("created_at", SqlTypeName.TIMESTAMP).nullable(true)
        .add("payload", SqlTypeName.VARBINARY).nullable(true)
        .add("note`text", SqlTypeName.VARCHAR).nullable(true)
        .add("ship to", SqlTypeName.VARCHAR).nullable(true)
        .add("unit.price", SqlTypeName.DECIMAL, 10, 2).nullable(true)
        .build()));
    sales.add("customers", SalesSpaceSchema.table(f -> f.builder()
        .add("customer_id", SqlTypeName.BIGINT)
        .add("name", SqlTypeName.VARCHAR).nullable(true)
        .add("country", SqlTypeName.CHAR, 2).nullable(true)
        .add("segment", SqlTypeName.VARCHAR).nullable(true)
        .add("credit_limit", SqlTypeName.DECIMAL, 15, 2).nullable(true)
        .add("signup_date", SqlTypeName.DATE).nullable(true)
        .add("is_active", SqlTypeName.BOOLEAN).nullable(true)
        .build()));
    sales.add("Weekly Report`s", SalesSpaceSchema.table(f -> f.builder()
        .add("Week", SqlTypeName.DATE)
        .add("Total", SqlTypeName.DECIMAL, 18, 2).nullable(true)
        .build()));
    root.add("legacy", new AbstractSchema()).add("events", SalesSpaceSchema.table(f -> f.builder()
        .add("event_id", SqlTypeName.BIGINT)
        .add("kind", SqlTypeName.VARCHAR).nullable(true)
        .add("at", SqlTypeName.TIMESTAMP).nullable(true)
        .build()));
    return sales;
  }
}
