package io.junctionsql.planner.runtime;

/**
 * What one source did for a connection: statements it received, rows and bytes it gave, and the time
 * Junction waited on it. Bytes and time are known only where the source's reader measures them: a field
 * is null until some reading of the source reported it.
 *
 * @param statements statements or scans received
 * @param rows rows given
 * @param bytes bytes read (Delta: sizes of the files read); null when not measured (JDBC sources)
 * @param nanos time spent in the source (executing and giving rows); null when not measured
 */
public record SourceTotals(long statements, long rows, Long bytes, Long nanos) {
  public static final SourceTotals NONE = new SourceTotals(0, 0, null, null);

  static SourceTotals statement() {
    return new SourceTotals(1, 0, null, null);
  }

  static SourceTotals rows(long rows) {
    return new SourceTotals(0, rows, null, null);
  }

  static SourceTotals time(long nanos) {
    return new SourceTotals(0, 0, null, nanos);
  }

  static SourceTotals read(long rows, long bytes, long nanos) {
    return new SourceTotals(0, rows, bytes, nanos);
  }

  SourceTotals plus(SourceTotals o) {
    return new SourceTotals(statements + o.statements, rows + o.rows, sum(bytes, o.bytes), sum(nanos, o.nanos));
  }

  /** What happened between {@code before} and this (both totals of the same source and connection). */
  public SourceTotals minus(SourceTotals before) {
    return new SourceTotals(statements - before.statements, rows - before.rows, difference(bytes, before.bytes),
        difference(nanos, before.nanos));
  }

  /** Whether nothing happened. */
  public boolean idle() {
    return statements == 0 && rows == 0 && (bytes == null || bytes == 0) && (nanos == null || nanos == 0);
  }

  private static Long sum(Long a, Long b) {
    return a == null ? b : b == null ? a : Long.valueOf(a + b);
  }

  private static Long difference(Long now, Long before) {
    return now == null ? null : Long.valueOf(now - (before == null ? 0 : before));
  }
}
