package io.junctionsql.driver;

import io.junctionsql.planner.runtime.ErrorTranslator;
import io.junctionsql.planner.runtime.QueryLog;

import java.lang.reflect.Method;

/** A statement: marks the connection's log at each execution so it can say what the sources received. */
final class StatementBoundary extends Boundary {
  private final Object connection;
  private final QueryLog log;
  private volatile long mark;

  StatementBoundary(Object target, ErrorTranslator errors, Object connection, QueryLog log) {
    super(target, errors);
    this.connection = connection;
    this.log = log;
    this.mark = log.mark();
  }

  @Override Object special(Object proxy, Method method, Object[] args) {
    String name = method.getName();
    if (name.startsWith("execute")) {
      mark = log.mark();
      return DELEGATE;
    }
    switch (name) {
    case "sourceQueries":
      return log.since(mark);
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
