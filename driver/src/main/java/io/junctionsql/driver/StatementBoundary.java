package io.junctionsql.driver;

import io.junctionsql.planner.SqlStates;
import io.junctionsql.planner.runtime.ErrorTranslator;
import io.junctionsql.planner.runtime.GatewayConnection;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.sql.SQLWarning;

/**
 * A statement: each execution starts a new statement in the engine (fresh snapshots, a new mark in the
 * log), so that it can say what the sources received for it.
 */
final class StatementBoundary extends Boundary {
  private final Object connection;
  private final GatewayConnection engine;
  private volatile long mark;

  StatementBoundary(Object target, ErrorTranslator errors, Object connection, GatewayConnection engine) {
    super(target, errors);
    this.connection = connection;
    this.engine = engine;
    this.mark = engine.log().mark();
  }

  @Override Object special(Object proxy, Method method, Object[] args) throws SQLException {
    String name = method.getName();
    if (name.startsWith("execute")) {
      mark = engine.beginStatement();
      return DELEGATE;
    }
    switch (name) {
    case "sourceQueries":
      return engine.log().since(mark);
    case "getConnection":
      return connection;
    case "getWarnings":
      return warnings();
    default:
      return DELEGATE;
    }
  }

  /** The semantic rules' warnings of the last execution, ahead of the engine's own. */
  private SQLWarning warnings() throws SQLException {
    SQLWarning first = null;
    for (String message : engine.warnings()) {
      SQLWarning w = new SQLWarning(message, SqlStates.SEMANTIC_WARNING);
      if (first == null) {
        first = w;
      } else {
        first.setNextWarning(w);
      }
    }
    SQLWarning own = ((java.sql.Statement) target).getWarnings();
    if (first == null) {
      return own;
    }
    if (own != null) {
      first.setNextWarning(own);
    }
    return first;
  }

  @Override Object connectionProxy() {
    return connection;
  }
}
