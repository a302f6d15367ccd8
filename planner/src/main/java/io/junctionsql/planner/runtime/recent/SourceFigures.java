package io.junctionsql.planner.runtime.recent;

/**
 * What one source did for one statement.
 *
 * @param source the source's name
 * @param statements statements or scans it received
 * @param rowsRead rows it gave
 * @param bytesRead bytes read from it (Delta: sizes of the files read); null where not measured (JDBC)
 * @param sourceMillis time spent in it, executing and giving rows; null where not measured
 */
public record SourceFigures(String source, long statements, long rowsRead, Long bytesRead, Long sourceMillis) {
}
