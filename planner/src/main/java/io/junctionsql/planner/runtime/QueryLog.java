package io.junctionsql.planner.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements the sources of one connection received, newest last, and how many rows they gave.
 * Bounded, so that a long-lived connection does not grow without end; tests and EXPLAIN-after-the-fact
 * tools read it.
 */
public final class QueryLog {
  private static final int CAPACITY = 1000;

  private final Deque<SourceQuery> entries = new ArrayDeque<>();
  private final Map<String, Long> rowsRead = new HashMap<>();
  private long sequence;

  public synchronized void record(String source, String sql) {
    if (entries.size() == CAPACITY) {
      entries.removeFirst();
    }
    entries.addLast(new SourceQuery(++sequence, source, sql));
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
  }

  /** Rows read from each source since the last call, for a server's metrics. */
  public synchronized Map<String, Long> takeRowsRead() {
    Map<String, Long> out = new HashMap<>(rowsRead);
    rowsRead.clear();
    return out;
  }

  /** Everything still held. */
  public List<SourceQuery> all() {
    return since(0);
  }
}
