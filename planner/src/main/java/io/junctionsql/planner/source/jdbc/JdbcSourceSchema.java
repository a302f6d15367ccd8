package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.source.LookupSchema;
import io.junctionsql.planner.source.NameLookup;
import io.junctionsql.planner.source.SourceSession;

import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Wrapper;
import org.apache.calcite.schema.lookup.Lookup;

import javax.sql.DataSource;

/**
 * A JDBC source as one connection sees it: its schemas below it, and the data source that the
 * generated code of that connection's queries reads from (which records what it sends).
 */
final class JdbcSourceSchema extends LookupSchema implements Wrapper {
  private final JdbcSource source;
  private final DataSource dataSource;
  private final Lookup<JdbcRemoteSchema> subSchemas;

  JdbcSourceSchema(JdbcSource source, DataSource dataSource, SourceSession session) {
    this.source = source;
    this.dataSource = dataSource;
    this.subSchemas = new NameLookup<>(() -> source.catalog().schemaNames(session),
        name -> new JdbcRemoteSchema(source, name, session));
  }

  @Override public Lookup<? extends Schema> subSchemas() {
    return subSchemas;
  }

  @Override public <T> T unwrap(Class<T> type) {
    if (type.isInstance(dataSource)) {
      return type.cast(dataSource);
    }
    if (type.isInstance(source)) {
      return type.cast(source);
    }
    return type.isInstance(this) ? type.cast(this) : null;
  }
}
