package io.junctionsql.planner.system;

import io.junctionsql.planner.source.LookupSchema;

import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.Lookup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code junction} schema: the catalog of every source as tables that answer JDBC's
 * {@code DatabaseMetaData}, for the driver and for anyone who prefers SQL.
 */
public final class SystemSchema extends LookupSchema {
  public static final String NAME = "junction";

  private final Map<String, Table> tables = new LinkedHashMap<>();

  public SystemSchema() {
    tables.put("catalogs", new CatalogsTable());
    tables.put("schemas", new SchemasTable());
    tables.put("tables", new TablesTable());
    tables.put("columns", new ColumnsTable());
    tables.put("primary_keys", new PrimaryKeysTable());
    tables.put("imported_keys", new ImportedKeysTable());
    tables.put("semantics_columns", new SemanticsColumnsTable());
  }

  @Override public Lookup<Table> tables() {
    return new io.junctionsql.planner.source.NameLookup<>(() -> Set.copyOf(tables.keySet()), tables::get);
  }
}
