/**
 * Parallel source reads: the independent source reads of one query start together on threads of their own
 * and hand their rows to the query's thread through small bounded buffers ({@link
 * io.junctionsql.planner.runtime.parallel.ParallelReads}).
 */
package io.junctionsql.planner.runtime.parallel;
