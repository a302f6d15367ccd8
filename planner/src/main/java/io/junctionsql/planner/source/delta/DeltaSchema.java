package io.junctionsql.planner.source.delta;

import io.junctionsql.planner.source.LookupSchema;
import io.junctionsql.planner.source.SourceSession;

import org.apache.calcite.linq4j.function.Predicate1;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One schema of a Delta source. A name may carry a snapshot suffix ({@code orders@v12}), which
 * selects an older version of the table; listings show plain names.
 */
final class DeltaSchema extends LookupSchema {
  private final DeltaSource source;
  private final String schema;
  private final SourceSession session;

  DeltaSchema(DeltaSource source, String schema, SourceSession session) {
    this.source = source;
    this.schema = schema;
    this.session = session;
  }

  @Override public Lookup<Table> tables() {
    return new Lookup<>() {
      @Override public Table get(String name) {
        return find(name, false).map(Named::entity).orElse(null);
      }

      @Override public Named<Table> getIgnoreCase(String name) {
        return find(name, true).orElse(null);
      }

      @Override public Set<String> getNames(LikePattern pattern) {
        Predicate1<String> matcher = pattern.matcher();
        Set<String> out = new LinkedHashSet<>();
        for (DeltaTableLocation t : source.tables()) {
          if (t.schema().equals(schema) && matcher.apply(t.name())) {
            out.add(t.name());
          }
        }
        return out;
      }
    };
  }

  private Optional<Named<Table>> find(String name, boolean ignoreCase) {
    Optional<TimeTravel.Named> parsed = TimeTravel.parse(name);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    String wanted = parsed.get().table();
    DeltaTableLocation match = null;
    for (DeltaTableLocation t : source.tables()) {
      if (!t.schema().equals(schema)) {
        continue;
      }
      if (t.name().equals(wanted)) {
        match = t;
        break;
      }
      if (ignoreCase && match == null && t.name().equalsIgnoreCase(wanted)) {
        match = t;
      }
    }
    if (match == null) {
      return Optional.empty();
    }
    TimeTravel travel = parsed.get().travel();
    String shown = travel.isLatest() ? match.name() : match.name() + name.substring(name.lastIndexOf('@'));
    return Optional.of(new Named<>(shown, new DeltaTable(source, match, travel, session)));
  }
}
