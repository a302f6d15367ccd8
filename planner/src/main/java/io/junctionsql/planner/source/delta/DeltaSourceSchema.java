package io.junctionsql.planner.source.delta;

import io.junctionsql.planner.source.LookupSchema;
import io.junctionsql.planner.source.NameLookup;
import io.junctionsql.planner.source.SourceSession;

import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.lookup.Lookup;

import java.util.Set;
import java.util.TreeSet;

/** A Delta source as one connection sees it: its schemas. */
final class DeltaSourceSchema extends LookupSchema {
  private final Lookup<DeltaSchema> schemas;

  DeltaSourceSchema(DeltaSource source, SourceSession session) {
    this.schemas = new NameLookup<>(() -> schemaNames(source), name -> new DeltaSchema(source, name, session));
  }

  private static Set<String> schemaNames(DeltaSource source) {
    Set<String> names = new TreeSet<>();
    source.tables().forEach(t -> names.add(t.schema()));
    return names;
  }

  @Override public Lookup<? extends Schema> subSchemas() {
    return schemas;
  }
}
