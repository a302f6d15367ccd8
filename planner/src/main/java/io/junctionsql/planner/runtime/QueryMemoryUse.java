package io.junctionsql.planner.runtime;

/**
 * How much one statement held in Junction's own operators, at most, by the budget's estimate.
 *
 * @param mark the {@link QueryLog} mark when the statement started: its source statements come after it
 * @param peakBytes the most it held at once
 * @param limitBytes its {@code query-memory} limit
 * @param exceeded whether it was stopped for holding more (SQLState 53200)
 */
public record QueryMemoryUse(long mark, long peakBytes, long limitBytes, boolean exceeded) {
}
