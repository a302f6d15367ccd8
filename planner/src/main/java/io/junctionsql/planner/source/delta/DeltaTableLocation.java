package io.junctionsql.planner.source.delta;

/**
 * Where one Delta table lives and what it is called in SQL.
 *
 * @param schema its schema in the source
 * @param name its table name
 * @param path the table's root folder (the one holding {@code _delta_log})
 */
record DeltaTableLocation(String schema, String name, String path) {
}
