package io.junctionsql.planner.security.enforce;

import io.junctionsql.planner.security.Access;
import io.junctionsql.planner.source.LookupSchema;
import io.junctionsql.planner.source.SourceSession;

import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.Wrapper;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A source (or one schema of it) as one identity sees it: only the tables it may read, each as a
 * {@link PolicyTable}, and only the schemas that hold one. Policies name tables as source.schema.table,
 * so anything at another depth is not shown at all: what a policy cannot name, it does not grant.
 */
public final class PolicySchema extends LookupSchema implements Wrapper {
  private final Schema schema;
  private final List<String> path;
  private final Access access;
  private final SourceSession session;

  private PolicySchema(Schema schema, List<String> path, Access access, SourceSession session) {
    this.schema = schema;
    this.path = List.copyOf(path);
    this.access = access;
    this.session = session;
  }

  /** The schema of source {@code source} as the identity of {@code access} sees it. */
  public static Schema of(Schema sourceSchema, String source, Access access, SourceSession session) {
    return new PolicySchema(sourceSchema, List.of(source), access, session);
  }

  @Override public Lookup<Table> tables() {
    if (path.size() != 2) {
      return Lookup.empty();
    }
    return new FilteredLookup<Table, Table>(schema.tables(), this::readable, this::view);
  }

  /** Whether the identity may read the table of this schema that the source calls {@code name}. */
  boolean readable(String name) {
    return access.readable(path.get(0), path.get(1), name);
  }

  /** The table as the identity sees it. */
  Table view(String name, Table table) {
    return new PolicyTable(table, path.get(0), path.get(1), name, access, session);
  }

  /** The qualified name of this schema, for messages. */
  String qualifiedName() {
    return String.join(".", path);
  }

  @Override public Lookup<? extends Schema> subSchemas() {
    if (path.size() != 1) {
      return Lookup.empty();
    }
    return new FilteredLookup<Schema, Schema>(schema.subSchemas(), this::holdsReadable,
        (name, sub) -> new PolicySchema(sub, List.of(path.get(0), name), access, session));
  }

  /** Whether the sub-schema holds a table the identity may read; a schema without one is not shown. */
  private boolean holdsReadable(String name) {
    if (!access.mayHoldReadable(path.get(0), name)) {
      return false;
    }
    Schema sub = schema.subSchemas().get(name);
    return sub != null && sub.tables().getNames(LikePattern.any()).stream()
        .anyMatch(table -> access.readable(path.get(0), name, table));
  }

  /**
   * The table functions of the schema that take a table's name first (Delta's time travel), each checking
   * that name; other functions are not shown, because their tables could not be checked.
   */
  @Override public Collection<Function> getFunctions(String name) {
    List<Function> out = new ArrayList<>();
    if (path.size() == 2) {
      for (Function f : schema.getFunctions(name)) {
        if (PolicyTableMacro.applies(f)) {
          out.add(new PolicyTableMacro((TableMacro) f, schema.tables(), this));
        }
      }
    }
    return out;
  }

  @Override public Set<String> getFunctionNames() {
    Set<String> out = new LinkedHashSet<>();
    for (String name : path.size() == 2 ? schema.getFunctionNames() : Set.<String>of()) {
      if (!getFunctions(name).isEmpty()) {
        out.add(name);
      }
    }
    return out;
  }

  /**
   * What the source's schema hands the generated code (a JDBC source's data source, found from the root by
   * the source's name), but never the source's schema itself, which would show every table.
   */
  @Override public <T> T unwrap(Class<T> type) {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    if (Schema.class.isAssignableFrom(type) || Table.class.isAssignableFrom(type) || !(schema instanceof Wrapper)) {
      return null;
    }
    return ((Wrapper) schema).unwrap(type);
  }
}
