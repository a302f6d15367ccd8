package io.junctionsql.driver;

import io.junctionsql.planner.runtime.ErrorTranslator;
import io.junctionsql.planner.runtime.GatewayConnection;

import java.lang.reflect.Method;

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

  @Override Object special(Object proxy, Method method, Object[] args) {
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
    default:
      return DELEGATE;
    }
  }

  @Override Object connectionProxy() {
    return connection;
  }
}
