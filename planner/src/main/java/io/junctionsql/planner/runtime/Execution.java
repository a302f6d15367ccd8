package io.junctionsql.planner.runtime;

import io.junctionsql.planner.runtime.memory.MemoryBudget;
import io.junctionsql.planner.runtime.parallel.ParallelReads;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One execution of a statement, from its start until its rows are done (read and closed, failed, or the
 * statement closed): what {@link GatewayConnection#endExecution} lets go of.
 *
 * @param mark the log mark at its start: what its sources receive comes after it
 * @param epoch the source session's statement number, which tags the source connections it borrows
 * @param key the engine statement's key in {@link io.junctionsql.planner.runtime.memory.QueryMemory}
 * @param budget what its operators count against
 * @param reads its source reads that run at the same time
 */
public record Execution(long mark, long epoch, AtomicBoolean key, MemoryBudget budget, ParallelReads reads) {
}
