/** EXPLAIN output: the plan, plus the exact SQL each source receives. */
package io.junctionsql.planner.explain;
