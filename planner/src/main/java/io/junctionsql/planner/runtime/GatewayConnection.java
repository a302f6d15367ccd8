package io.junctionsql.planner.runtime;

import io.junctionsql.planner.Gateway;
import io.junctionsql.planner.runtime.memory.MemoryBudget;
import io.junctionsql.planner.runtime.memory.QueryMemory;
import io.junctionsql.planner.runtime.parallel.ParallelReads;
import io.junctionsql.planner.runtime.recent.RecentQueries;
import io.junctionsql.planner.config.OptimizerConfig;
import io.junctionsql.planner.security.Access;
import io.junctionsql.planner.security.Identity;
import io.junctionsql.planner.security.enforce.PolicySchema;
import io.junctionsql.planner.source.Source;
import io.junctionsql.planner.source.SourceSession;
import io.junctionsql.planner.system.SystemSchema;

import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One engine connection of a gateway: a Calcite connection whose root holds every source, the log of
 * what those sources received on its behalf, and what its sources pin for the running statement.
 */
public final class GatewayConnection {
  private static final CalciteEngine ENGINE = new CalciteEngine();

  private final CalciteConnection calcite;
  private final SourceSession session;
  private final Identity identity;
  private final Gateway gateway;
  private final RecentQueries recentQueries;
  /** The most one statement may hold in Junction's operators: the gateway's, or less if the connection asked. */
  private volatile long queryMemory;
  /** The source reads of this connection's executions whose rows are not done, so that a cancel reaches them. */
  private final Set<ParallelReads> runningReads = ConcurrentHashMap.newKeySet();

  private GatewayConnection(Gateway gateway, CalciteConnection calcite, SourceSession session, Identity identity,
      RecentQueries recentQueries) {
    this.gateway = gateway;
    this.recentQueries = recentQueries;
    this.queryMemory = gateway.config().queryMemory();
    this.calcite = calcite;
    this.session = session;
    this.identity = identity;
  }

  public static GatewayConnection open(Gateway gateway, Identity identity) throws SQLException {
    return open(gateway, identity, gateway.config().optimizer());
  }

  /** A connection whose planner works with {@code optimizer} instead of the gateway's own settings. */
  public static GatewayConnection open(Gateway gateway, Identity identity, OptimizerConfig optimizer)
      throws SQLException {
    CalciteConnection calcite = ENGINE.open();
    SourceSession session = new SourceSession(new QueryLog(), identity, optimizer);
    SchemaPlus root = calcite.getRootSchema();
    Access access = gateway.policies().access(identity);
    for (Source source : gateway.sources().values()) {
      if (!access.mayHoldReadable(source.name())) {
        continue;
      }
      // Under policies every source is seen through the identity's view, so that the planner, and the
      // junction catalog that walks this root, only ever meet what the identity may read.
      Schema schema = access.unrestricted() ? source.schema(session)
          : PolicySchema.of(source.schema(session), source.name(), access, session);
      // Calcite would keep each schema's table list for the connection's whole life; the sources keep
      // their own, for the configured time, so that a long-lived connection sees new tables.
      root.add(source.name(), schema).setCacheEnabled(false);
    }
    // The connection's own statements only: junction.recent_queries never shows another connection's.
    RecentQueries recent = new RecentQueries(session.log());
    root.add(SystemSchema.NAME, new SystemSchema(recent));
    return new GatewayConnection(gateway, calcite, session, identity, recent);
  }

  /**
   * Contacts every source of the gateway now: source name to null when it answered, else what failed
   * (secrets removed). What a server's readiness check reports.
   */
  public Map<String, String> checkSources() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Source source : gateway.sources().values()) {
      String problem = null;
      try {
        source.check();
      } catch (Exception | LinkageError e) {
        problem = gateway.redactor().scrub(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      out.put(source.name(), problem);
    }
    return out;
  }

  /** Who this connection runs for. */
  public Identity identity() {
    return identity;
  }

  public CalciteConnection calcite() {
    return calcite;
  }

  public QueryLog log() {
    return session.log();
  }

  /** This connection's recent statements and their figures. */
  public RecentQueries recentQueries() {
    return recentQueries;
  }

  /** What the last statement's semantic rules warned about. */
  public List<String> warnings() {
    return session.warnings();
  }

  /**
   * Stops what the sources run for this connection: a client's {@code Statement.cancel()}. Reads running on
   * threads of their own stop too, and a query waiting for their rows raises the cancellation.
   */
  public void cancelSourceStatements() {
    session.cancelSourceStatements();
    runningReads.forEach(ParallelReads::stop);
  }

  /**
   * The connection closes: the source reads of executions not ended yet stop, and this waits until their
   * threads closed their statements (a read running ahead that the query never opened is closed by nobody
   * else); then every source connection still borrowed goes back to its pool, since closing the engine's
   * connection does not close the source reads of a result set left open.
   */
  public void close() {
    for (ParallelReads reads : runningReads) {
      reads.close();
      runningReads.remove(reads);
    }
    session.returnAllConnections();
  }

  /** Source connections this connection's statements hold now, borrowed from their sources' pools. */
  public int borrowedSourceConnections() {
    return session.borrowedConnections();
  }

  /** Whether the running statement was cancelled (a cancel may arrive before its rows are opened). */
  public boolean cancelled() {
    return session.cancelled();
  }

  /** A statement is prepared: nothing the last one pinned is planned with. */
  public void beginPreparation() {
    session.unpin();
  }

  /** Lowers this connection's {@code query-memory} limit; a higher value than the gateway's changes nothing. */
  public void lowerQueryMemory(long bytes) {
    queryMemory = Math.min(queryMemory, bytes);
  }

  /** The most one statement of this connection may hold in Junction's operators, in estimated bytes. */
  public long queryMemory() {
    return queryMemory;
  }

  /**
   * An engine statement starts executing: a new log mark, fresh pins, a memory budget its plan's
   * operators count against (an execution not started here is not counted), and its source reads, which
   * run up to the connection's {@code parallel-reads} at once.
   */
  public Execution beginExecution(Statement statement) throws SQLException {
    long epoch = session.beginStatement();
    AtomicBoolean key = QueryMemory.key(statement);
    ParallelReads reads = ParallelReads.open(key, session.optimizer().parallelReads());
    runningReads.add(reads);
    return new Execution(session.log().mark(), epoch, key, QueryMemory.open(key, queryMemory), reads);
  }

  /**
   * An execution's rows ended (read to the end, or failed): the source reads still running for it stop,
   * since nothing will take their rows.
   */
  public void rowsEnded(Execution execution) {
    execution.reads().stop();
  }

  /**
   * An execution's rows are done: its source reads stop (waiting until each read's thread has closed its
   * statement), its memory budget goes back to zero and its peak into the log. After a
   * failure, source connections it borrowed and did not give back go back to their pools too: an operator
   * that fails while opening its inputs drops those it opened first, unclosed.
   */
  public void endExecution(Execution execution, boolean failed) {
    // First, so that every read's thread has closed its source statement before connections are returned.
    execution.reads().close();
    runningReads.remove(execution.reads());
    MemoryBudget budget = QueryMemory.close(execution.key());
    if (budget != null) {
      session.log().recordMemory(new QueryMemoryUse(execution.mark(), budget.peak(), budget.limit(),
          budget.exceeded()));
    }
    if (failed) {
      session.returnConnections(execution.epoch());
    }
  }

  /** A statement starts executing: returns the log mark to read what its sources receive. */
  public long beginStatement() {
    session.beginStatement();
    return session.log().mark();
  }
}
