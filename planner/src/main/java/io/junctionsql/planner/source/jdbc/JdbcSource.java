package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.SqlStates;
import io.junctionsql.planner.runtime.QueryLog;
import io.junctionsql.planner.runtime.SourceQuery;
import io.junctionsql.planner.runtime.parallel.ReadPermits;
import io.junctionsql.planner.source.Source;
import io.junctionsql.planner.source.SourceSession;

import com.google.common.base.Suppliers;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.util.BuiltInMethod;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

/**
 * A database reached through its JDBC driver. Owns the connection pools, the metadata cache and the
 * one planner convention that all of the source's tables share, so that a join of two of its tables,
 * even in two of its schemas, is pushed down whole.
 */
public final class JdbcSource implements Source {
  private final JdbcSourceConfig config;
  private final JdbcFlavor flavor;
  private final SourcePools pools;
  private final ObservedDataSource metadataDataSource;
  /** What the source received to read its catalog and statistics: no user query, so no connection's log. */
  private final QueryLog metadataLog = new QueryLog();
  private final Supplier<SourceInfo> info;
  private final JdbcCatalog catalog;
  private volatile SourceConvention convention;
  /** Shared by every connection's queries: reads running ahead hold pooled connections (see {@link ReadPermits}). */
  private final ReadPermits readPermits;
  private final SourceEstimates estimates;

  public JdbcSource(JdbcSourceConfig config, JdbcFlavor flavor) {
    this.config = config;
    this.flavor = flavor;
    this.pools = new SourcePools(config, flavor);
    this.readPermits = ReadPermits.forPool(config.poolSize());
    DataSource service = pools.service();
    this.metadataDataSource = new ObservedDataSource(config.name(), service::getConnection, null, metadataLog, null,
        config.fetchSize(), ConnectionCancel.NONE);
    this.info = Suppliers.memoize(this::readInfo);
    this.catalog = new JdbcCatalog(this, flavor.metadataReader());
    this.estimates = new SourceEstimates(config.name(), metadataDataSource, () -> SourceEstimates.explains(info()),
        session -> config.userCredentials().loginFor(session.identity()).isEmpty()
            && !config.userCredentials().required());
  }

  @Override public String name() {
    return config.name();
  }

  @Override public String kind() {
    return flavor.kind();
  }

  public JdbcSourceConfig config() {
    return config;
  }

  @Override public Schema schema(SourceSession session) {
    // The session's queries run as its user's login (if mapped); metadata and statistics stay on the service login.
    return new JdbcSourceSchema(this, pools.forSession(session), session);
  }

  /** The statements sent to read the catalog and statistics, newest last. */
  public List<SourceQuery> metadataQueries() {
    return metadataLog.all();
  }

  /** Connections for reading metadata and statistics. */
  DataSource metadataDataSource() {
    return metadataDataSource;
  }

  JdbcCatalog catalog() {
    return catalog;
  }

  JdbcFlavor flavor() {
    return flavor;
  }

  /** What the database says about itself; connects on first use. */
  public SourceInfo info() {
    return info.get();
  }

  /** The convention of every table of this source; created when the first query plans. */
  SourceConvention convention() {
    SourceConvention c = convention;
    if (c == null) {
      synchronized (this) {
        if (convention == null) {
          // The expression finds this source's schema from the root of whichever connection runs the query.
          Expression root = Expressions.call(DataContext.ROOT, BuiltInMethod.DATA_CONTEXT_GET_ROOT_SCHEMA.method);
          Expression expression = Expressions.call(root, BuiltInMethod.SCHEMA_GET_SUB_SCHEMA.method,
              Expressions.constant(config.name()));
          convention = new SourceConvention(config.name(), info().dialect(), expression, readPermits, estimates);
        }
        c = convention;
      }
    }
    return c;
  }

  @Override public String describe() {
    try {
      return info().description();
    } catch (RuntimeException e) {
      return "not reachable";
    }
  }

  private SourceInfo readInfo() {
    try (Connection c = metadataDataSource.getConnection()) {
      return flavor.inspect(c);
    } catch (SQLException e) {
      throw new SourceFailure(e);
    }
  }

  @Override public void check() throws SQLException {
    try (Connection c = pools.service().getConnection()) {
      if (!c.isValid(5)) {
        throw new SQLException("the connection did not answer within 5 seconds", SqlStates.CONNECTION_FAILURE);
      }
    }
  }

  @Override public void close() {
    pools.close();
  }
}
