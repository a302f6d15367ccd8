package io.junctionsql.planner.optimizer;

import io.junctionsql.planner.runtime.JoinKeys;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.linq4j.function.Function0;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.schema.SchemaPlus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One execution of a semi-join reduction (see {@link KeyReducedJoin}): reads the small side first,
 * collects its distinct join keys, then reads the large side in statements that each bind a batch of
 * those keys, or, when the small side turns out to have more keys than allowed, reads it in full. The
 * small side's rows are kept while its keys are collected, so that the join reads them once from the source.
 * Called from generated code.
 */
public final class KeyReduction {
  /**
   * The first parameter index of the key batch. Far above any index a client's statement uses, and
   * below the range Calcite keeps for its correlation variables ({@code JdbcCorrelationDataContext.OFFSET}).
   */
  public static final int PARAMETER_BASE = Integer.MAX_VALUE - 2_000_000;

  private final Enumerable<Object> small;
  private final Function1<Object, Object> key;
  private final Function1<DataContext, Enumerable<Object>> keyed;
  private final Function0<Enumerable<Object>> full;
  private final DataContext root;
  private final int maxKeys;
  private final int batchSize;
  private final boolean pad;

  private final List<Object> buffered = new ArrayList<>();
  private final Set<Object> keys = new LinkedHashSet<>();
  /** The small side's enumerator while it is only partly read (too many keys); null otherwise. */
  private Enumerator<Object> rest;
  private boolean collected;
  private boolean restTaken;

  private KeyReduction(Enumerable<Object> small, Function1<Object, Object> key,
      Function1<DataContext, Enumerable<Object>> keyed, Function0<Enumerable<Object>> full, DataContext root,
      int maxKeys, int batchSize, boolean pad) {
    this.small = small;
    this.key = key;
    this.keyed = keyed;
    this.full = full;
    this.root = root;
    this.maxKeys = maxKeys;
    this.batchSize = batchSize;
    this.pad = pad;
  }

  /**
   * @param small the small side's rows
   * @param key the join key of one small-side row
   * @param keyed the large side with its key parameters bound by the given context
   * @param full the large side read in full
   * @param batchSize keys each statement of {@code keyed} receives
   * @param pad whether each statement binds exactly {@code batchSize} parameters (a JDBC statement
   *     prepared with that many), a short batch repeating its first key
   */
  public static KeyReduction of(Enumerable<Object> small, Function1<Object, Object> key,
      Function1<DataContext, Enumerable<Object>> keyed, Function0<Enumerable<Object>> full, DataContext root,
      int maxKeys, int batchSize, boolean pad) {
    return new KeyReduction(small, key, keyed, full, root, maxKeys, batchSize, pad);
  }

  /** The small side's rows: those read while collecting keys, then the rest. */
  public Enumerable<Object> small() {
    return new AbstractEnumerable<>() {
      @Override public Enumerator<Object> enumerator() {
        collect();
        if (rest == null) {
          return Linq4j.enumerator(buffered);
        }
        if (restTaken) {
          // A second pass after the keys overflowed: read the small side again from its source.
          return small.enumerator();
        }
        restTaken = true;
        return Linq4j.concat(List.of(Linq4j.asEnumerable(buffered), enumerable(rest))).enumerator();
      }
    };
  }

  /** The large side: only the rows matching the small side's keys, or all when there are too many keys. */
  public Enumerable<Object> large() {
    return new AbstractEnumerable<>() {
      @Override public Enumerator<Object> enumerator() {
        collect();
        if (rest != null) {
          return full.apply().enumerator();
        }
        List<Enumerable<Object>> batches = new ArrayList<>();
        Object[] all = keys.toArray();
        for (int from = 0; from < all.length; from += batchSize) {
          Object[] batch = Arrays.copyOfRange(all, from, Math.min(all.length, from + batchSize));
          batches.add(new AbstractEnumerable<>() {
            @Override public Enumerator<Object> enumerator() {
              return keyed.apply(new KeyParameters(root, batch, pad ? padded(batch) : batch)).enumerator();
            }
          });
        }
        return Linq4j.concat(batches).enumerator();
      }
    };
  }

  /** Every statement binds the same number of parameters; a short batch repeats its first key. */
  private Object[] padded(Object[] batch) {
    Object[] values = Arrays.copyOf(batch, batchSize);
    Arrays.fill(values, batch.length, batchSize, batch[0]);
    return values;
  }

  /** Reads the small side until it ends or has more distinct keys than allowed. */
  private void collect() {
    if (collected) {
      return;
    }
    collected = true;
    Enumerator<Object> rows = small.enumerator();
    boolean more;
    while ((more = rows.moveNext())) {
      Object row = rows.current();
      buffered.add(row);
      Object k = key.apply(row);
      // A null key matches nothing in an equi-join.
      if (k != null && keys.add(k) && keys.size() > maxKeys) {
        break;
      }
    }
    if (more) {
      rest = rows;
    } else {
      rows.close();
    }
  }

  private static Enumerable<Object> enumerable(Enumerator<Object> rows) {
    return new AbstractEnumerable<>() {
      @Override public Enumerator<Object> enumerator() {
        return rows;
      }
    };
  }

  /** The statement's context, answering the keys (as parameters and as {@link JoinKeys}) and passing everything else on. */
  static final class KeyParameters implements DataContext {
    private final DataContext delegate;
    private final Object[] keys;
    private final Object[] values;

    KeyParameters(DataContext delegate, Object[] keys, Object[] values) {
      this.delegate = delegate;
      this.keys = keys;
      this.values = values;
    }

    @Override public SchemaPlus getRootSchema() {
      return delegate.getRootSchema();
    }

    @Override public JavaTypeFactory getTypeFactory() {
      return delegate.getTypeFactory();
    }

    @Override public QueryProvider getQueryProvider() {
      return delegate.getQueryProvider();
    }

    @Override public Object get(String name) {
      if (name.equals(JoinKeys.NAME)) {
        return keys;
      }
      if (name.startsWith("?")) {
        long index = Long.parseLong(name.substring(1));
        if (index >= PARAMETER_BASE && index < PARAMETER_BASE + values.length) {
          return values[(int) (index - PARAMETER_BASE)];
        }
      }
      return delegate.get(name);
    }
  }
}
