package io.junctionsql.planner.runtime;

/**
 * One statement a source received.
 *
 * @param sequence its position in the connection's log, counting from 1
 * @param source the source's name
 * @param sql the exact text sent
 */
public record SourceQuery(long sequence, String source, String sql) {
}
