package io.junctionsql.planner.runtime.memory;

import org.apache.calcite.DataContext;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.NoSuchStatementException;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where the generated code of a running query finds its statement's {@link MemoryBudget}. The key is
 * the statement's cancel flag: Calcite puts that very object into every execution's {@link DataContext},
 * and the statement can name it too, so the budget reaches code deep inside Calcite's operators (even
 * inside a correlated sub-plan run later on another thread) without a thread-local. Keys are weak, so a
 * statement dropped without closing leaves nothing behind.
 */
public final class QueryMemory {
  private static final Map<AtomicBoolean, MemoryBudget> RUNNING = Collections.synchronizedMap(new WeakHashMap<>());

  private QueryMemory() {
  }

  /** A statement starts executing: a fresh budget of {@code limit} bytes under its key, replacing its last one. */
  public static MemoryBudget open(AtomicBoolean key, long limit) {
    MemoryBudget budget = new MemoryBudget(limit);
    RUNNING.put(key, budget);
    return budget;
  }

  /** A statement's execution ended (its rows read or closed, or it failed): its budget, released, or null. */
  public static MemoryBudget close(AtomicBoolean key) {
    MemoryBudget budget = RUNNING.remove(key);
    if (budget != null) {
      budget.releaseAll();
    }
    return budget;
  }

  /** The budget of the statement an execution belongs to; null for a statement run outside Junction's driver. */
  public static MemoryBudget of(DataContext root) {
    Object flag = root.get(DataContext.Variable.CANCEL_FLAG.camelName);
    return flag == null ? null : RUNNING.get(flag);
  }

  /** A statement's key: the object Calcite puts into its executions as {@code cancelFlag}. */
  public static AtomicBoolean key(Statement statement) throws SQLException {
    AvaticaStatement avatica = statement.unwrap(AvaticaStatement.class);
    try {
      return avatica.connection.getCancelFlag(avatica.handle);
    } catch (NoSuchStatementException e) {
      throw new SQLException("The statement is closed.", "HY010", e);
    }
  }
}
