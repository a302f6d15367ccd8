package io.junctionsql.planner.runtime.recent;

import io.junctionsql.planner.runtime.QueryLog;
import io.junctionsql.planner.runtime.SourceTotals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One running statement's figures. What its sources did is the difference of the connection's source
 * totals between its start and its end; statements of one connection whose rows are read interleaved
 * therefore share what their sources did in that time. The counters are written by the thread reading
 * the rows, as JDBC objects are used by one thread at a time.
 */
public final class QueryRecorder {
  /** SQL longer than this is cut: enough to recognise a statement, not enough to hold a generated IN list. */
  public static final int MAX_SQL_CHARS = 4096;

  private final String queryId;
  private final String sql;
  private final QueryLog log;
  private final RecentQueries owner;
  private final Instant startedAt = Instant.now();
  private final long startNanos = System.nanoTime();
  private final Map<String, SourceTotals> before;
  private final AtomicBoolean done = new AtomicBoolean();
  private static final int SAMPLE = 16;

  private long rows;
  private long rowAsks;
  private long firstRowNanos = -1;
  private long busyNanos;
  /** When its rows ended, or 0; and the SQLState they failed with, if they did. */
  private volatile long endNanos;
  private volatile String endState;

  QueryRecorder(String queryId, String sql, QueryLog log, RecentQueries owner) {
    this.queryId = queryId;
    this.sql = sql == null ? "" : sql.length() <= MAX_SQL_CHARS ? sql : sql.substring(0, MAX_SQL_CHARS) + "...";
    this.log = log;
    this.owner = owner;
    this.before = log.totals();
  }

  public String queryId() {
    return queryId;
  }

  /**
   * The client asks for a row: returns where to time it from, or -1. The first ask (which often does the
   * statement's heavy work: a hash table, a sort) and every {@value #SAMPLE}th after it are timed, and the
   * others estimated from them, because a clock read costs as much as a row of the columnar path.
   */
  public long rowAsked() {
    return rowAsks++ % SAMPLE == 0 ? System.nanoTime() : -1;
  }

  /** The ask from {@link #rowAsked()} is answered: with a row, or with the end of the rows. */
  public void rowAnswered(long askedAt, boolean row) {
    if (askedAt >= 0) {
      busyNanos += (System.nanoTime() - askedAt) * (rowAsks == 1 ? 1 : SAMPLE);
    }
    if (row && rows++ == 0) {
      firstRowNanos = System.nanoTime();
    }
  }

  /** Junction worked for the statement this long (executing it, or giving a row), sources included. */
  public void busy(long nanos) {
    busyNanos += nanos;
  }

  /**
   * The rows ended (the last was read) or failed with {@code sqlState}: the statement's time stops here,
   * though its figures are taken when its rows are closed, when sources stopped early report what they read.
   */
  public void rowsEnded(String sqlState) {
    if (endNanos == 0) {
      endNanos = System.nanoTime();
      endState = sqlState;
    }
  }

  /** Whether it has finished. */
  public boolean finished() {
    return done.get();
  }

  /**
   * The statement is over (its rows closed, or it failed executing, or its statement or connection closed);
   * only the first call counts.
   *
   * @param sqlState null when it succeeded
   * @param peakMemoryBytes the most its operators held at once
   */
  public void finish(String sqlState, long peakMemoryBytes) {
    if (!done.compareAndSet(false, true)) {
      return;
    }
    long end = endNanos == 0 ? System.nanoTime() : endNanos;
    String state = endNanos == 0 || endState == null ? sqlState : endState;
    List<SourceFigures> sources = sources(log.totals());
    long sourceMillis = 0;
    for (SourceFigures f : sources) {
      sourceMillis += f.sourceMillis() == null ? 0 : f.sourceMillis();
    }
    long junction = Math.max(0, TimeUnit.NANOSECONDS.toMillis(busyNanos) - sourceMillis);
    owner.finished(this, new RecentQuery(queryId, sql, startedAt, TimeUnit.NANOSECONDS.toMillis(end - startNanos),
        firstRowNanos < 0 ? null : TimeUnit.NANOSECONDS.toMillis(firstRowNanos - startNanos), rows, state,
        junction, peakMemoryBytes, sources));
  }

  private List<SourceFigures> sources(Map<String, SourceTotals> after) {
    List<SourceFigures> out = new ArrayList<>();
    for (Map.Entry<String, SourceTotals> e : new TreeMap<>(after).entrySet()) {
      SourceTotals d = e.getValue().minus(before.getOrDefault(e.getKey(), SourceTotals.NONE));
      if (!d.idle()) {
        out.add(new SourceFigures(e.getKey(), d.statements(), d.rows(), d.bytes(),
            d.nanos() == null ? null : TimeUnit.NANOSECONDS.toMillis(d.nanos())));
      }
    }
    return out;
  }
}
