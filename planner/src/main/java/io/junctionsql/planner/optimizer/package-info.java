/** How Junction prepares a statement: Calcite's planner with Junction's guards, programs and EXPLAIN. */
package io.junctionsql.planner.optimizer;
