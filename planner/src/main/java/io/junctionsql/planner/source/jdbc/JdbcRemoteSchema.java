package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.source.NameLookup;
import io.junctionsql.planner.source.LookupSchema;
import io.junctionsql.planner.source.SourceSession;

import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.Lookup;

/** One schema of a JDBC source (a PostgreSQL schema, a MySQL database): its tables and views. */
final class JdbcRemoteSchema extends LookupSchema {
  private final Lookup<Table> tables;

  JdbcRemoteSchema(JdbcSource source, String schema, SourceSession session) {
    this.tables = new NameLookup<>(() -> source.catalog().tableNames(schema, session).keySet(),
        name -> {
          Schema.TableType type = source.catalog().tableNames(schema, session).get(name);
          return type == null ? null : new JdbcSourceTable(source, schema, name, type, session);
        });
  }

  @Override public Lookup<Table> tables() {
    return tables;
  }
}
