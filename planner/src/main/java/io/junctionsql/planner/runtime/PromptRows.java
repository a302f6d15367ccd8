package io.junctionsql.planner.runtime;

import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A query's rows as the JDBC result set iterates them, each handed over before the next is asked for.
 *
 * <p>Calcite's result set walks an {@code Enumerable} through Linq4j's iterator adapter, which moves to row n+1
 * before it returns row n: a client reading a slow source, or streaming rows on to its own client, saw each row
 * only once the following one had arrived. Here only the first row is read ahead, when the query starts, so that
 * an error in starting it (an unreachable source, a refused login) still surfaces from {@code executeQuery}.
 */
public final class PromptRows<T> extends AbstractEnumerable<T> {
  private final Enumerable<T> rows;

  private PromptRows(Enumerable<T> rows) {
    this.rows = rows;
  }

  public static <T> Enumerable<T> of(Enumerable<T> rows) {
    return rows instanceof PromptRows ? rows : new PromptRows<>(rows);
  }

  @Override public Enumerator<T> enumerator() {
    return rows.enumerator();
  }

  @Override public Iterator<T> iterator() {
    return new RowIterator<>(rows.enumerator());
  }

  /** Moves its enumerator when asked whether there is another row, never when handing one over. */
  private static final class RowIterator<T> implements Iterator<T>, AutoCloseable {
    private final Enumerator<T> enumerator;
    /** Whether the enumerator stands on a row not yet handed over; null when that is not yet known. */
    private Boolean pending;

    RowIterator(Enumerator<T> enumerator) {
      this.enumerator = enumerator;
      try {
        pending = enumerator.moveNext();
      } catch (RuntimeException | Error e) {
        enumerator.close();
        throw e;
      }
    }

    @Override public boolean hasNext() {
      if (pending == null) {
        pending = enumerator.moveNext();
      }
      return pending;
    }

    @Override public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      pending = null;
      return enumerator.current();
    }

    @Override public void close() {
      enumerator.close();
    }
  }
}
