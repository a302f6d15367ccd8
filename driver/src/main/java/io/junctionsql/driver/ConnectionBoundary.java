package io.junctionsql.driver;

import io.junctionsql.planner.runtime.DirectScans;
import io.junctionsql.planner.runtime.ErrorTranslator;
import io.junctionsql.planner.runtime.GatewayConnection;
import io.junctionsql.planner.runtime.recent.RecentQuery;

import java.lang.reflect.Method;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/** A connection: hands out Junction statements and releases the gateway when closed. */
final class ConnectionBoundary extends Boundary {
  private final GatewayConnection engine;
  private final SessionLimits limits;
  private final Runnable onClose;
  private volatile Object self;
  private boolean closed;

  ConnectionBoundary(GatewayConnection engine, ErrorTranslator errors, SessionLimits limits, Runnable onClose) {
    super(engine.calcite(), errors);
    this.engine = engine;
    this.limits = limits;
    this.onClose = onClose;
  }

  /** Remembers the proxy this handler serves, for objects that lead back to it. */
  void bind(Object proxy) {
    self = proxy;
  }

  @Override Object special(Object proxy, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
    case "sourceQueries":
      return engine.log().all();
    case "identity":
      return engine.identity();
    case "checkSources":
      return engine.checkSources();
    case "takeRowsRead":
      return engine.log().takeRowsRead();
    case "memoryUses":
      return engine.log().memoryUses();
    case "recentQueries":
      return engine.recentQueries().list();
    case "onQueryFinished":
      engine.recentQueries().onFinished((java.util.function.Consumer<RecentQuery>) args[0]);
      return null;
    case "sourceConnectionsHeld":
      return engine.borrowedSourceConnections();
    case "createStatement":
      return Boundary.wrap(JunctionStatement.class,
          new StatementBoundary(call(method, args), errors, proxy, engine, null, limits, null));
    case "prepareStatement":
      engine.beginPreparation();
      DirectScans.clear();
      Object prepared;
      try {
        prepared = call(method, args);
      } catch (SQLException e) {
        DirectScans.clear();
        throw e;
      }
      return Boundary.wrap(PreparedStatement.class,
          new StatementBoundary(prepared, errors, proxy, engine, DirectScans.take(), limits, (String) args[0]));
    case "prepareCall":
      throw new SQLFeatureNotSupportedException("Junction has no stored procedures; use SELECT.", "0A000");
    case "setReadOnly":
      // Junction is always read-only; asking for read-only (or not) changes nothing.
      return null;
    case "isReadOnly":
      return true;
    case "close":
      synchronized (this) {
        if (!closed) {
          closed = true;
          try {
            engine.recentQueries().finishRunning();
            call(method, args);
          } finally {
            try {
              engine.close();
            } finally {
              onClose.run();
            }
          }
        }
      }
      return null;
    default:
      return DELEGATE;
    }
  }

  @Override Object connectionProxy() {
    return self;
  }
}
