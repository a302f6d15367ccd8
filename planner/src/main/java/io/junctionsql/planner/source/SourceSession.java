package io.junctionsql.planner.source;

import io.junctionsql.planner.runtime.QueryLog;

/**
 * What one Junction connection hands its sources: where to record the statements they send.
 *
 * @param log the connection's record of what each source received
 */
public record SourceSession(QueryLog log) {
}
