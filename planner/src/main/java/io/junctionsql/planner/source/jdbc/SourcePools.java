package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.security.Identity;
import io.junctionsql.planner.source.SourceSession;

import org.apache.commons.dbcp2.BasicDataSource;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The connection pools of one JDBC source: the service login's, created with the source, and one per
 * mapped user login, created when a user first queries with it (a gateway may map hundreds of users of
 * whom a few are active). Every pool has the source's settings; only the login differs.
 */
final class SourcePools implements AutoCloseable {
  private final JdbcSourceConfig config;
  private final JdbcFlavor flavor;
  private final BasicDataSource service;
  private final ConnectionCancel connectionCancel;
  /** Keyed by login, not by user: two mappings to one database login share its pool. */
  private final List<LoginPool> mapped = new ArrayList<>();
  private boolean closed;

  private record LoginPool(SourceLogin login, BasicDataSource pool) {
  }

  SourcePools(JdbcSourceConfig config, JdbcFlavor flavor) {
    this.config = config;
    this.flavor = flavor;
    this.service = create(config.serviceLogin());
    this.connectionCancel = ConnectionCancel.forDrivers(service.getDriverClassLoader());
  }

  /** The service login's pool: metadata, statistics, readiness checks, and users without a mapping. */
  DataSource service() {
    return service;
  }

  /**
   * The data source one connection's queries read from: its identity's login, the service login if it has
   * none, or a refusal (raised when it first queries, not when it connects) if a login is required.
   */
  ObservedDataSource forSession(SourceSession session) {
    Identity identity = session.identity();
    Optional<SourceLogin> login = config.userCredentials().loginFor(identity);
    ObservedDataSource.Opener opener;
    if (login.isPresent()) {
      opener = () -> pool(login.get()).getConnection();
    } else if (config.userCredentials().required()) {
      opener = () -> {
        throw config.userCredentials().refusal(config.name(), identity);
      };
    } else {
      opener = service::getConnection;
    }
    return new ObservedDataSource(config.name(), opener, login.map(SourceLogin::configKeys).orElse(null),
        session.log(), session, config.fetchSize(), connectionCancel);
  }

  private synchronized DataSource pool(SourceLogin login) throws SQLException {
    if (closed) {
      throw new SQLException("source '" + config.name() + "' is closed", "08003");
    }
    if (login.sameCredential(config.serviceLogin())) {
      return service;
    }
    for (LoginPool p : mapped) {
      if (p.login().sameCredential(login)) {
        return p.pool();
      }
    }
    BasicDataSource pool = create(login);
    mapped.add(new LoginPool(login, pool));
    return pool;
  }

  private BasicDataSource create(SourceLogin login) {
    BasicDataSource ds = new BasicDataSource();
    ds.setUrl(config.url());
    if (config.driver() != null) {
      ds.setDriverClassName(config.driver());
    }
    if (!config.driverPath().isEmpty()) {
      ds.setDriverClassLoader(DriverLoaders.isolated(config.driverPath()));
    }
    if (!login.user().isEmpty()) {
      ds.setUsername(login.user());
    }
    if (!login.password().isEmpty()) {
      ds.setPassword(login.password().reveal());
    }
    DriverTimeouts.apply(config.url(), config.connectTimeout(), ds);
    config.properties().forEach(ds::addConnectionProperty);
    ds.setMaxTotal(config.poolSize());
    ds.setMaxIdle(config.poolSize());
    ds.setMaxWait(config.connectTimeout().plus(Duration.ofSeconds(5)));
    if (flavor.transactional()) {
      // Without autocommit off, PostgreSQL ignores the fetch size and buffers the whole result.
      ds.setDefaultAutoCommit(false);
      ds.setRollbackOnReturn(true);
      ds.setDefaultReadOnly(true);
    } else {
      ds.setRollbackOnReturn(false);
      ds.setAutoCommitOnReturn(false);
    }
    ds.setTestOnBorrow(true);
    return ds;
  }

  /** How many mapped logins have a pool now; for tests of when pools are made. */
  synchronized int mappedPools() {
    return mapped.size();
  }

  @Override public synchronized void close() {
    closed = true;
    closeQuietly(service);
    mapped.forEach(p -> closeQuietly(p.pool()));
    mapped.clear();
  }

  private static void closeQuietly(BasicDataSource pool) {
    try {
      pool.close();
    } catch (SQLException e) {
      // Closing idle connections of a source that went away: nothing left to do.
    }
  }
}
