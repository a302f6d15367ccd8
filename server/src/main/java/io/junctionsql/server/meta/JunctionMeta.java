package io.junctionsql.server.meta;

import io.junctionsql.driver.JunctionConnection;
import io.junctionsql.driver.JunctionDriver;
import io.junctionsql.driver.JunctionStatement;
import io.junctionsql.driver.SessionLimits;
import io.junctionsql.planner.SqlStates;
import io.junctionsql.planner.runtime.recent.QueryIds;
import io.junctionsql.planner.security.Identity;

import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.jdbc.StatementInfo;
import org.apache.calcite.avatica.jdbc.StatementInfos;
import org.apache.calcite.avatica.jdbc.UtcFrames;
import org.apache.calcite.avatica.remote.TypedValue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Avatica's JDBC Meta over embedded Junction connections, made safe to share between users. Avatica
 * lets the client choose connection ids and numbers statements in sequence, and its own Meta finds a
 * statement by number alone; so every call here checks that the connection belongs to the caller and
 * the statement to the connection, and answers "not found" otherwise (never "not yours"). The identity
 * of a connection is what the server authenticated; client connection properties are ignored, so a
 * client cannot name another user or another config.
 */
public final class JunctionMeta extends JdbcMeta {
  private final String url;
  private final Properties gatewayProperties;
  private final SessionLimits limits;
  private final int maxConnectionsPerUser;
  private final QueryAdmission admission;
  private final ServerEvents events;
  private final PendingAudits audits;
  private final ConcurrentMap<Integer, String> statementConnections = new ConcurrentHashMap<>();
  private volatile boolean draining;

  /**
   * @param url the embedded URL of the gateway, {@code jdbc:junction:config=...}
   * @param cacheSettings Avatica's connection and statement cache settings (idle expiry)
   */
  public JunctionMeta(String url, Properties cacheSettings, SessionLimits limits, int maxConnectionsPerUser,
      QueryAdmission admission, ServerEvents events) throws SQLException {
    super(url, cacheSettings);
    this.url = url;
    this.gatewayProperties = new Properties();
    this.limits = limits;
    this.maxConnectionsPerUser = maxConnectionsPerUser;
    this.admission = admission;
    this.events = events;
    this.audits = new PendingAudits(events);
  }

  /** Open connections, over all users. */
  public long openConnections() {
    return getConnectionCache().size();
  }

  /**
   * Stops taking new connections and queries; running ones may still fetch their rows and close. The
   * refusal's SQLState (57P01, as PostgreSQL's administrator shutdown) tells pools to reconnect elsewhere.
   */
  public void drain() {
    draining = true;
  }

  private void refuseWhenDraining() throws SQLException {
    if (draining) {
      throw new SQLException("This Junction server is shutting down and takes no new queries; connect again to "
          + "reach another replica.", "57P01");
    }
  }

  /** Closes every connection (at shutdown, after draining). */
  public void closeAll() {
    getConnectionCache().invalidateAll();
    getConnectionCache().cleanUp();
  }

  // ---- connections ----

  @Override public void openConnection(ConnectionHandle ch, Map<String, String> info) {
    Caller caller = Caller.current();
    try {
      refuseWhenDraining();
      Identity identity = caller.identity();
      long held = countConnections(identity.user());
      if (held >= maxConnectionsPerUser) {
        events.refused(caller, "max_connections_per_user");
        throw new SQLException("User " + identity.user() + " already holds " + held + " connections to this server, "
            + "the most one user may (server.limits.max_connections_per_user). Close unused connections.",
            SqlStates.TOO_MANY_QUERIES);
      }
      // The client's properties are dropped on purpose: identity and config come from the server alone.
      Connection connection = JunctionDriver.connect(url, gatewayProperties, identity, limits);
      if (getConnectionCache().asMap().putIfAbsent(ch.id, connection) != null) {
        connection.close();
        throw new SQLException("A connection with this id is already open; the client must use a fresh id.",
            "08002");
      }
      audits.watch(connection.unwrap(JunctionConnection.class));
      events.connectionOpened(caller);
    } catch (Throwable e) {
      throw AvaticaErrors.toClient(e);
    }
  }

  private long countConnections(String user) {
    long n = 0;
    for (Connection c : getConnectionCache().asMap().values()) {
      if (user.equals(ownerOf(c))) {
        n++;
      }
    }
    return n;
  }

  private static String ownerOf(Connection c) {
    try {
      return c.unwrap(JunctionConnection.class).identity().user();
    } catch (SQLException | RuntimeException e) {
      return null;
    }
  }

  @Override protected Connection getConnection(String id) throws SQLException {
    Connection c = super.getConnection(id);
    if (!Caller.current().identity().user().equals(ownerOf(c))) {
      // The same answer as for an unknown id: whether another user's connection exists is not told.
      throw new NoSuchConnectionException("Connection not found: invalid id, closed, or expired: " + id);
    }
    return c;
  }

  @Override public void closeConnection(ConnectionHandle ch) {
    guard(() -> {
      getConnection(ch.id);
      super.closeConnection(ch);
      statementConnections.values().removeIf(ch.id::equals);
      events.connectionClosed();
      return null;
    });
  }

  @Override public ConnectionProperties connectionSync(ConnectionHandle ch, ConnectionProperties connProps) {
    return guard(() -> super.connectionSync(ch, connProps));
  }

  @Override public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
    return guard(() -> super.getDatabaseProperties(ch));
  }

  // ---- statements ----

  @Override public StatementHandle createStatement(ConnectionHandle ch) {
    return guard(() -> owned(super.createStatement(ch)));
  }

  @Override public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    return guard(() -> owned(super.prepare(ch, sql, maxRowCount)));
  }

  private StatementHandle owned(StatementHandle h) {
    statementConnections.put(h.id, h.connectionId);
    return h;
  }

  /** The statement must belong to the connection, and the connection to the caller. */
  private void checkStatement(StatementHandle h) throws SQLException, NoSuchStatementException {
    if (!h.connectionId.equals(statementConnections.get(h.id))) {
      throw new NoSuchStatementException(h);
    }
    getConnection(h.connectionId);
  }

  @SuppressWarnings("deprecation")
  @Override public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
      PrepareCallback callback) {
    return prepareAndExecute(h, sql, maxRowCount, -1, callback);
  }

  @Override public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
      int maxRowsInFirstFrame, PrepareCallback callback) {
    return run(h, sql, () -> super.prepareAndExecute(h, sql, maxRowCount, maxRowsInFirstFrame, callback));
  }

  @SuppressWarnings("deprecation")
  @Override public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, long maxRowCount) {
    return execute(h, parameterValues, (int) Math.min(Integer.MAX_VALUE, maxRowCount));
  }

  @Override public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues,
      int maxRowsInFirstFrame) {
    String sql = h.signature == null ? "(prepared statement " + h.id + ")" : h.signature.sql;
    return run(h, sql, () -> super.execute(h, parameterValues, maxRowsInFirstFrame));
  }

  /**
   * Runs one query under the admission limits, and reports it to the audit log and the metrics when it
   * finishes (see {@link PendingAudits}). The driver's statement takes the query's id, so that
   * {@code junction.recent_queries} and the audit log name it alike.
   */
  private ExecuteResult run(StatementHandle h, String sql, Call<ExecuteResult> body) {
    Caller caller = Caller.current();
    String queryId = QueryIds.next();
    long started = System.nanoTime();
    JunctionStatement statement = null;
    SQLException failure = null;
    try {
      checkStatement(h);
      refuseWhenDraining();
      JunctionConnection connection = getConnection(h.connectionId).unwrap(JunctionConnection.class);
      statement = junctionStatement(h);
      statement.useQueryId(queryId);
      audits.started(queryId, caller, sql, started, connection);
      try (QueryAdmission.Permit permit = enter(caller)) {
        ExecuteResult result = body.call();
        events.rowsSent(caller, firstFrameRows(result));
        return result;
      } finally {
        events.sourceRows(connection.takeRowsRead());
      }
    } catch (Throwable e) {
      RuntimeException toClient = AvaticaErrors.toClient(e);
      failure = AvaticaErrors.findSql(e);
      if (failure == null) {
        failure = new SQLException(toClient.getMessage(), SqlStates.INTERNAL_ERROR, e);
      }
      throw toClient;
    } finally {
      boolean recorded = statement != null && queryId.equals(statement.lastQueryId());
      audits.requestEnded(queryId, recorded, failure);
      if (statement == null) {
        // Refused before it reached a connection (unknown statement, draining): written at once.
        events.queryExecuted(caller, queryId, sql, System.nanoTime() - started, List.of(), failure, null);
      }
    }
  }

  private JunctionStatement junctionStatement(StatementHandle h) throws SQLException, NoSuchStatementException {
    StatementInfo info = getStatementCache().getIfPresent(h.id);
    if (info == null) {
      throw new NoSuchStatementException(h);
    }
    return StatementInfos.statement(info).unwrap(JunctionStatement.class);
  }

  private QueryAdmission.Permit enter(Caller caller) throws SQLException {
    try {
      return admission.enter(caller.identity().user());
    } catch (SQLException e) {
      events.refused(caller, "max_concurrent_queries");
      throw e;
    }
  }

  private static int firstFrameRows(ExecuteResult result) {
    int n = 0;
    for (MetaResultSet rs : result.resultSets) {
      if (rs.firstFrame != null && rs.firstFrame.rows instanceof Collection) {
        n += ((Collection<?>) rs.firstFrame.rows).size();
      }
    }
    return n;
  }

  @Override public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount) {
    Caller caller = Caller.current();
    return guard(() -> {
      checkStatement(h);
      try (QueryAdmission.Permit permit = enter(caller)) {
        Frame frame = utcFrame(h, offset, fetchMaxRowCount);
        if (frame.rows instanceof Collection) {
          events.rowsSent(caller, ((Collection<?>) frame.rows).size());
        }
        return frame;
      } finally {
        events.sourceRows(getConnection(h.connectionId).unwrap(JunctionConnection.class).takeRowsRead());
      }
    });
  }

  /** Avatica's fetch, converting dates and times with UTC as the first frame does (see {@link UtcFrames}). */
  private Frame utcFrame(StatementHandle h, long offset, int fetchMaxRowCount)
      throws SQLException, NoSuchStatementException, MissingResultsException {
    StatementInfo info = getStatementCache().getIfPresent(h.id);
    if (info == null) {
      throw new NoSuchStatementException(h);
    }
    if (!info.isResultSetInitialized()) {
      throw new MissingResultsException(h);
    }
    ResultSet rows = info.getResultSet();
    return rows == null ? Frame.EMPTY : UtcFrames.frame(info, rows, offset, fetchMaxRowCount);
  }

  @Override public boolean syncResults(StatementHandle sh, QueryState state, long offset) {
    return guard(() -> {
      checkStatement(sh);
      return super.syncResults(sh, state, offset);
    });
  }

  @Override public void closeStatement(StatementHandle h) {
    guard(() -> {
      if (h.connectionId.equals(statementConnections.get(h.id))) {
        getConnection(h.connectionId);
        statementConnections.remove(h.id);
        super.closeStatement(h);
      }
      return null;
    });
  }

  @Override public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands) {
    return guard(() -> {
      checkStatement(h);
      return super.prepareAndExecuteBatch(h, sqlCommands);
    });
  }

  @Override public ExecuteBatchResult executeBatch(StatementHandle h, List<List<TypedValue>> updateBatches) {
    return guard(() -> {
      checkStatement(h);
      return super.executeBatch(h, updateBatches);
    });
  }

  /** Closes what idled too long and forgets statements Avatica's cache expired, so the ownership map stays as small as the cache. */
  public void sweep() {
    // Guava expires entries lazily; cleaning up closes idle connections (and their source statements) now.
    getConnectionCache().cleanUp();
    getStatementCache().cleanUp();
    statementConnections.keySet().removeIf(id -> getStatementCache().getIfPresent(id) == null);
  }

  // ---- metadata: answered by the Junction connection, which applies the caller's policy ----
  // Avatica's protocol has requests for these six only; a remote client answers primary and foreign
  // keys itself, with nothing (the junction.primary_keys and junction.imported_keys tables have them).

  @Override public MetaResultSet getTables(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat tableNamePattern, List<String> typeList) {
    return owned(ch, () -> super.getTables(ch, catalog, schemaPattern, tableNamePattern, typeList));
  }

  @Override public MetaResultSet getColumns(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat tableNamePattern, Pat columnNamePattern) {
    return owned(ch, () -> super.getColumns(ch, catalog, schemaPattern, tableNamePattern, columnNamePattern));
  }

  @Override public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schemaPattern) {
    return owned(ch, () -> super.getSchemas(ch, catalog, schemaPattern));
  }

  @Override public MetaResultSet getCatalogs(ConnectionHandle ch) {
    return owned(ch, () -> super.getCatalogs(ch));
  }

  @Override public MetaResultSet getTableTypes(ConnectionHandle ch) {
    return owned(ch, () -> super.getTableTypes(ch));
  }

  @Override public MetaResultSet getTypeInfo(ConnectionHandle ch) {
    return owned(ch, () -> super.getTypeInfo(ch));
  }

  /** A metadata result's statement belongs to the connection, so that only its owner may close it. */
  private MetaResultSet owned(ConnectionHandle ch, Call<MetaResultSet> call) {
    return guard(() -> {
      MetaResultSet result = call.call();
      statementConnections.put(result.statementId, ch.id);
      return result;
    });
  }

  private interface Call<T> {
    T call() throws Exception;
  }

  private static <T> T guard(Call<T> body) {
    try {
      return body.call();
    } catch (Throwable e) {
      throw AvaticaErrors.toClient(e);
    }
  }

}
