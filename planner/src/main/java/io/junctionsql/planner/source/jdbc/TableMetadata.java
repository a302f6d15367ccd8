package io.junctionsql.planner.source.jdbc;

import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.Schema;

import java.util.List;

/**
 * What Junction knows of one remote table.
 *
 * @param schema the source schema (or catalog) that holds it, as the source spells it
 * @param name the table's name, as the source spells it
 * @param type table or view
 * @param rowType its columns and their types
 * @param primaryKey ordinals of the primary key columns; empty if none is declared
 * @param rowCount the source's estimate of its rows
 */
public record TableMetadata(String schema, String name, Schema.TableType type, RelProtoDataType rowType,
    List<Integer> primaryKey, double rowCount) {
}
