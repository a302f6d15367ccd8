package io.junctionsql.planner.security.enforce;

import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * A lookup that shows only the names a policy lets through, each wrapped. A name is checked as the inner
 * lookup resolved it, so that a case-insensitive match cannot reach an object the policy names otherwise.
 *
 * @param <T> what the inner lookup finds
 * @param <R> what this lookup hands out
 */
final class FilteredLookup<T, R> implements Lookup<R> {
  private final Lookup<? extends T> inner;
  private final Predicate<String> visible;
  private final BiFunction<String, T, R> wrap;

  FilteredLookup(Lookup<? extends T> inner, Predicate<String> visible, BiFunction<String, T, R> wrap) {
    this.inner = inner;
    this.visible = visible;
    this.wrap = wrap;
  }

  @Override public R get(String name) {
    if (!visible.test(name)) {
      return null;
    }
    T value = inner.get(name);
    return value == null ? null : wrap.apply(name, value);
  }

  @Override public Named<R> getIgnoreCase(String name) {
    Named<? extends T> found = inner.getIgnoreCase(name);
    if (found == null || !visible.test(found.name())) {
      return null;
    }
    R value = wrap.apply(found.name(), found.entity());
    return value == null ? null : new Named<>(found.name(), value);
  }

  @Override public Set<String> getNames(LikePattern pattern) {
    Set<String> out = new LinkedHashSet<>();
    for (String name : inner.getNames(pattern)) {
      if (visible.test(name)) {
        out.add(name);
      }
    }
    return out;
  }
}
