package io.junctionsql.planner.runtime.parallel;

import java.sql.Statement;
import java.util.function.Consumer;

/**
 * Tells a read started ahead which source statements it opened, so that stopping that one read (its rows
 * are no longer wanted) cancels exactly its statements and none of another read or query. A source's
 * data source calls {@link #opened} for every statement it creates; only a read-ahead thread listens.
 */
public final class ReadStatements {
  private static final ThreadLocal<Consumer<Statement>> LISTENER = new ThreadLocal<>();

  private ReadStatements() {
  }

  /** A source statement was created on the current thread. */
  public static void opened(Statement statement) {
    Consumer<Statement> listener = LISTENER.get();
    if (listener != null) {
      listener.accept(statement);
    }
  }

  /** The current thread's statements go to {@code listener} from now on; null stops that. */
  static void listen(Consumer<Statement> listener) {
    if (listener == null) {
      LISTENER.remove();
    } else {
      LISTENER.set(listener);
    }
  }
}
