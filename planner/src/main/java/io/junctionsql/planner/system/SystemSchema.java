package io.junctionsql.planner.system;

import io.junctionsql.planner.runtime.recent.RecentQueries;
import io.junctionsql.planner.source.LookupSchema;

import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.Lookup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code junction} schema: the catalog of every source as tables that answer JDBC's
 * {@code DatabaseMetaData}, for the driver and for anyone who prefers SQL, and the connection's own
 * recent statements with their figures.
 */
public final class SystemSchema extends LookupSchema {
  public static final String NAME = "junction";

  private final Map<String, Table> tables = new LinkedHashMap<>();

  /** @param recent the statements of the connection this schema belongs to */
  public SystemSchema(RecentQueries recent) {
    tables.put("catalogs", new CatalogsTable());
    tables.put("schemas", new SchemasTable());
    tables.put("tables", new TablesTable());
    tables.put("columns", new ColumnsTable());
    tables.put("primary_keys", new PrimaryKeysTable());
    tables.put("imported_keys", new ImportedKeysTable());
    tables.put("semantics_columns", new SemanticsColumnsTable());
    tables.put("recent_queries", new RecentQueriesTable(recent));
    tables.put("recent_query_sources", new RecentQuerySourcesTable(recent));
  }

  @Override public Lookup<Table> tables() {
    return new io.junctionsql.planner.source.NameLookup<>(() -> Set.copyOf(tables.keySet()), tables::get);
  }
}
