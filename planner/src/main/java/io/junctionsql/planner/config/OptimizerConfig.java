package io.junctionsql.planner.config;

import java.util.List;
import java.util.Locale;

/**
 * The {@code optimizer:} section: what the planner may do across sources.
 *
 * @param crossSource the master switch for cross-source optimizations: semi-join reduction, aggregation below
 *     joins between sources, removal of unused joins
 * @param semiJoinMaxKeys the most distinct join keys sent to the other side's source; above it that side is read in full
 * @param semiJoinBatchSize keys per source statement, capped further by the source's dialect
 * @param parallelReads how many independent source reads of one query run at the same time; 1 reads them one
 *     after another
 * @param sourceEstimates whether semi-join reduction asks a source's own planner (PostgreSQL's {@code EXPLAIN})
 *     how many rows a filtered or grouped statement returns, where Calcite can only guess
 */
public record OptimizerConfig(boolean crossSource, int semiJoinMaxKeys, int semiJoinBatchSize, int parallelReads,
    boolean sourceEstimates) {
  public static final OptimizerConfig DEFAULTS = new OptimizerConfig(true, 50_000, 1_000, 4, true);
  /** The connection property that switches cross-source optimizations off for one connection. */
  public static final String CROSS_SOURCE_PROPERTY = "optimizer.cross-source";
  /** The connection property that sets {@code parallel-reads} for one connection. */
  public static final String PARALLEL_READS_PROPERTY = "optimizer.parallel-reads";
  private static final int MAX_PARALLEL_READS = 64;

  /** The settings with the default number of parallel reads. */
  public OptimizerConfig(boolean crossSource, int semiJoinMaxKeys, int semiJoinBatchSize) {
    this(crossSource, semiJoinMaxKeys, semiJoinBatchSize, DEFAULTS.parallelReads());
  }

  /** The settings with source estimates on, as by default. */
  public OptimizerConfig(boolean crossSource, int semiJoinMaxKeys, int semiJoinBatchSize, int parallelReads) {
    this(crossSource, semiJoinMaxKeys, semiJoinBatchSize, parallelReads, DEFAULTS.sourceEstimates());
  }

  /** Reads the section; an absent (empty) one gives the defaults. */
  public static OptimizerConfig parse(ConfigNode node) {
    node.allowOnly(List.of("cross-source", "semi-join", "parallel-reads", "source-estimates"), "the optimizer");
    ConfigNode semiJoin = node.child("semi-join");
    semiJoin.allowOnly(List.of("max-keys", "batch-size"), "the semi-join reduction");
    return new OptimizerConfig(node.booleanValue("cross-source", DEFAULTS.crossSource()),
        semiJoin.intValue("max-keys", DEFAULTS.semiJoinMaxKeys(), 1, 1_000_000),
        semiJoin.intValue("batch-size", DEFAULTS.semiJoinBatchSize(), 1, 100_000),
        node.intValue("parallel-reads", DEFAULTS.parallelReads(), 1, MAX_PARALLEL_READS),
        node.booleanValue("source-estimates", DEFAULTS.sourceEstimates()));
  }

  /**
   * This config with the master switch as a connection property sets it; the property's value must be
   * true or false.
   */
  public OptimizerConfig withConnectionProperty(String value) {
    if (value == null) {
      return this;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> new OptimizerConfig(true, semiJoinMaxKeys, semiJoinBatchSize, parallelReads, sourceEstimates);
      case "false" -> new OptimizerConfig(false, semiJoinMaxKeys, semiJoinBatchSize, parallelReads, sourceEstimates);
      default -> throw new ConfigException("connection property " + CROSS_SOURCE_PROPERTY + ": '" + value
          + "' is not true or false.");
    };
  }

  /**
   * This config with {@code parallel-reads} as a connection property sets it; the value must be a whole
   * number from 1 to 64.
   */
  public OptimizerConfig withParallelReadsProperty(String value) {
    if (value == null) {
      return this;
    }
    int reads;
    try {
      reads = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      reads = 0;
    }
    if (reads < 1 || reads > MAX_PARALLEL_READS) {
      throw new ConfigException("connection property " + PARALLEL_READS_PROPERTY + ": '" + value
          + "' is not a whole number from 1 to " + MAX_PARALLEL_READS + ".");
    }
    return new OptimizerConfig(crossSource, semiJoinMaxKeys, semiJoinBatchSize, reads, sourceEstimates);
  }
}
