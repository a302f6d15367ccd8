/** The per-query memory budget: what Junction's own operators hold for a query, estimated and bounded. */
package io.junctionsql.planner.runtime.memory;
