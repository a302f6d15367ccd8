/** Writes Delta tables with Kernel's write API and per-file statistics, for Junction's fixtures, demo and benchmarks. */
package io.junctionsql.planner.source.delta.write;
