/** Benchmarks: programs that print ratios measured in one run against a baseline, never timed tests. */
package io.junctionsql.bench;
