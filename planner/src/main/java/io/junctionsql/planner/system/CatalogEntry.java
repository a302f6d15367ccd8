package io.junctionsql.planner.system;

import org.apache.calcite.schema.Table;

/**
 * One table of one source, as the JDBC catalog names it.
 *
 * @param catalog the source (JDBC catalog)
 * @param schema the source's schema (JDBC schema)
 * @param name the table's name
 * @param table the table itself
 */
record CatalogEntry(String catalog, String schema, String name, Table table) {
}
