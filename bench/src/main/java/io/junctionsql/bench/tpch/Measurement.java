package io.junctionsql.bench.tpch;

import java.util.Map;
import java.util.Optional;

/**
 * One query on one system: the median wall time of the measured runs, what came back, and what the sources gave
 * in the last run.
 *
 * @param problem an error, or how the result differs from the oracle's; empty when all is well
 */
record Measurement(String system, String query, double medianMs, long rows, Map<String, SourceFigures> sources,
    long peakHeapBytes, Optional<String> problem) {

  long rowsMoved() {
    return sources.values().stream().mapToLong(SourceFigures::rows).sum();
  }
}
