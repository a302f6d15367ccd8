package io.junctionsql.planner.source.delta;

import io.junctionsql.planner.source.LookupSchema;
import io.junctionsql.planner.source.NameLookup;
import io.junctionsql.planner.source.SourceSession;

import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.Lookup;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One schema of a Delta source: its tables at their latest snapshot, and two table functions,
 * {@code at_version} and {@code at_time}, that read older snapshots.
 */
final class DeltaSchema extends LookupSchema {
  private final DeltaSource source;
  private final String schema;
  private final SourceSession session;
  private final Lookup<Table> tables;

  DeltaSchema(DeltaSource source, String schema, SourceSession session) {
    this.source = source;
    this.schema = schema;
    this.session = session;
    this.tables = new NameLookup<>(this::tableNames, name -> table(name, TimeTravel.LATEST));
  }

  String name() {
    return schema;
  }

  private Set<String> tableNames() {
    Set<String> names = new LinkedHashSet<>();
    for (DeltaTableLocation t : source.tables()) {
      if (t.schema().equals(schema)) {
        names.add(t.name());
      }
    }
    return names;
  }

  /** The named table (exact name first, else ignoring case) at the given snapshot, or null. */
  DeltaTable table(String name, TimeTravel travel) {
    DeltaTableLocation match = null;
    for (DeltaTableLocation t : source.tables()) {
      if (t.schema().equals(schema) && (t.name().equals(name) || match == null && t.name().equalsIgnoreCase(name))) {
        match = t;
      }
    }
    return match == null ? null : new DeltaTable(source, match, travel, session);
  }

  @Override public Lookup<Table> tables() {
    return tables;
  }

  @Override public Collection<Function> getFunctions(String name) {
    if (name.equalsIgnoreCase(TimeTravelMacro.AT_VERSION)) {
      return List.of(new TimeTravelMacro(this, true));
    }
    if (name.equalsIgnoreCase(TimeTravelMacro.AT_TIME)) {
      return List.of(new TimeTravelMacro(this, false));
    }
    return List.of();
  }

  @Override public Set<String> getFunctionNames() {
    return Set.of(TimeTravelMacro.AT_VERSION, TimeTravelMacro.AT_TIME);
  }
}
