package io.junctionsql.planner.system;

import io.junctionsql.planner.config.ConfigLoader;

import org.apache.calcite.linq4j.function.Predicate1;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.LikePattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Walks the sources of one connection, source by source, schema by schema, reading only what the
 * patterns let through. Junction's own schemas are not listed.
 */
final class CatalogWalker {
  private CatalogWalker() {
  }

  static List<String> sources(SchemaPlus root, LikePattern pattern) {
    Predicate1<String> matcher = pattern.matcher();
    List<String> out = new ArrayList<>();
    for (String name : new TreeSet<>(root.subSchemas().getNames(LikePattern.any()))) {
      if (!ConfigLoader.RESERVED_NAMES.contains(name.toLowerCase(Locale.ROOT)) && matcher.apply(name)) {
        out.add(name);
      }
    }
    return out;
  }

  /** (source, schema) pairs. */
  static List<String[]> schemas(SchemaPlus root, NamePatterns patterns) {
    List<String[]> out = new ArrayList<>();
    for (String source : sources(root, patterns.catalog())) {
      SchemaPlus s = root.subSchemas().get(source);
      for (String schema : new TreeSet<>(s.subSchemas().getNames(patterns.schema()))) {
        out.add(new String[] {source, schema});
      }
    }
    return out;
  }

  static List<CatalogEntry> tables(SchemaPlus root, NamePatterns patterns) {
    List<CatalogEntry> out = new ArrayList<>();
    for (String[] pair : schemas(root, patterns)) {
      SchemaPlus schema = root.subSchemas().get(pair[0]).subSchemas().get(pair[1]);
      for (String name : new TreeSet<>(schema.tables().getNames(patterns.table()))) {
        Table table = schema.tables().get(name);
        if (table != null) {
          out.add(new CatalogEntry(pair[0], pair[1], name, table));
        }
      }
    }
    return out;
  }
}
