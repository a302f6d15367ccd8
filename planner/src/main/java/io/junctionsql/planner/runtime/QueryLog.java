package io.junctionsql.planner.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements the sources of one connection received, newest last, how many rows they gave, and how
 * much memory each of the connection's statements held in Junction at most.
 * Bounded, so that a long-lived connection does not grow without end; tests and EXPLAIN-after-the-fact
 * tools read it.
 */
public final class QueryLog {
  private static final int CAPACITY = 1000;
  /**
   * Every statement or scan a source receives, at DEBUG, one line each: {@code source=sap sql="SELECT ..."}.
   * A fixed name (not this class's) so that it survives relocation in the shaded jar and so that an operator,
   * or a test reading a forked Spark's log, can switch on exactly this without the rest of Junction's logging.
   */
  private static final Logger SOURCE_LOG = LoggerFactory.getLogger("junction.source");

  private final Deque<SourceQuery> entries = new ArrayDeque<>();
  private final Map<String, Long> rowsRead = new HashMap<>();
  private final Deque<QueryMemoryUse> memory = new ArrayDeque<>();
  /** What each source did for this connection since it opened, never reset: statements diff it by window. */
  private final Map<String, SourceTotals> totals = new HashMap<>();
  private long sequence;

  /** A source received a statement or a scan. */
  public synchronized void record(String source, String sql) {
    append(source, sql);
    totals.merge(source, SourceTotals.statement(), SourceTotals::plus);
  }

  /**
   * A Delta scan ended: its {@code READ ...} line goes into the log (not counted as a statement), with the
   * rows, bytes and time it read.
   */
  public synchronized void recordRead(String source, String line, long rows, long bytes, long nanos) {
    append(source, line);
    rowsRead.merge(source, rows, Long::sum);
    totals.merge(source, SourceTotals.read(rows, bytes, nanos), SourceTotals::plus);
  }

  /** A source spent {@code nanos} on a statement of this connection (executing it, or giving its rows). */
  public synchronized void sourceTime(String source, long nanos) {
    totals.merge(source, SourceTotals.time(nanos), SourceTotals::plus);
  }

  /** What each source did for this connection since it opened; the difference of two calls is a window's. */
  public synchronized Map<String, SourceTotals> totals() {
    return Map.copyOf(totals);
  }

  private void append(String source, String sql) {
    if (entries.size() == CAPACITY) {
      entries.removeFirst();
    }
    entries.addLast(new SourceQuery(++sequence, source, sql));
    if (SOURCE_LOG.isDebugEnabled()) {
      SOURCE_LOG.debug("source={} sql=\"{}\"", source, escape(sql));
    }
  }

  /** Keeps a statement on one line and its quotes apart from the value's: backslash escapes. */
  static String escape(String sql) {
    StringBuilder b = new StringBuilder(sql.length() + 16);
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** The sequence number of the newest entry; pass it to {@link #since(long)} later. */
  public synchronized long mark() {
    return sequence;
  }

  /** The entries recorded after {@code mark}. */
  public synchronized List<SourceQuery> since(long mark) {
    List<SourceQuery> out = new ArrayList<>();
    for (SourceQuery q : entries) {
      if (q.sequence() > mark) {
        out.add(q);
      }
    }
    return out;
  }

  /** A source finished giving rows to this connection: {@code rows} of them. */
  public synchronized void rowsRead(String source, long rows) {
    rowsRead.merge(source, rows, Long::sum);
    totals.merge(source, SourceTotals.rows(rows), SourceTotals::plus);
  }

  /** Rows read from each source since the last call, for a server's metrics. */
  public synchronized Map<String, Long> takeRowsRead() {
    Map<String, Long> out = new HashMap<>(rowsRead);
    rowsRead.clear();
    return out;
  }

  /** A statement ended: what it held at most in Junction's operators. */
  public synchronized void recordMemory(QueryMemoryUse use) {
    if (memory.size() == CAPACITY) {
      memory.removeFirst();
    }
    memory.addLast(use);
  }

  /** The memory use of the statements that ended on this connection, newest last. */
  public synchronized List<QueryMemoryUse> memoryUses() {
    return List.copyOf(memory);
  }

  /** Everything still held. */
  public List<SourceQuery> all() {
    return since(0);
  }
}
