package io.junctionsql.planner.source;

import org.apache.calcite.linq4j.function.Predicate1;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A lookup of schemas or tables by name over a source's cached name list. An exact match wins;
 * otherwise the first name equal ignoring case, so that unquoted SQL finds mixed-case objects.
 *
 * @param <T> what is looked up
 */
public final class NameLookup<T> implements Lookup<T> {
  private final Supplier<? extends Collection<String>> names;
  private final Function<String, T> loader;

  public NameLookup(Supplier<? extends Collection<String>> names, Function<String, T> loader) {
    this.names = names;
    this.loader = loader;
  }

  @Override public T get(String name) {
    return names.get().contains(name) ? loader.apply(name) : null;
  }

  @Override public Named<T> getIgnoreCase(String name) {
    Collection<String> all = names.get();
    String match = all.contains(name) ? name : null;
    if (match == null) {
      for (String candidate : all) {
        if (candidate.equalsIgnoreCase(name)) {
          match = candidate;
          break;
        }
      }
    }
    if (match == null) {
      return null;
    }
    T value = loader.apply(match);
    return value == null ? null : new Named<>(match, value);
  }

  @Override public Set<String> getNames(LikePattern pattern) {
    Predicate1<String> matcher = pattern.matcher();
    Set<String> out = new LinkedHashSet<>();
    for (String name : names.get()) {
      if (matcher.apply(name)) {
        out.add(name);
      }
    }
    return out;
  }
}
