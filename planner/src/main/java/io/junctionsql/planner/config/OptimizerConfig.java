package io.junctionsql.planner.config;

import java.util.List;

/**
 * The {@code optimizer:} section: what the planner may do across sources.
 *
 * @param crossSource the master switch for cross-source optimizations: semi-join reduction, aggregation below
 *     joins between sources, removal of unused joins
 * @param semiJoinMaxKeys the most distinct join keys sent to the other side's source; above it that side is read in full
 * @param semiJoinBatchSize keys per source statement, capped further by the source's dialect
 */
public record OptimizerConfig(boolean crossSource, int semiJoinMaxKeys, int semiJoinBatchSize) {
  public static final OptimizerConfig DEFAULTS = new OptimizerConfig(true, 10_000, 1_000);
  /** The connection property that switches cross-source optimizations off for one connection. */
  public static final String CROSS_SOURCE_PROPERTY = "optimizer.cross-source";

  /** Reads the section; an absent (empty) one gives the defaults. */
  public static OptimizerConfig parse(ConfigNode node) {
    node.allowOnly(List.of("cross-source", "semi-join"), "the optimizer");
    ConfigNode semiJoin = node.child("semi-join");
    semiJoin.allowOnly(List.of("max-keys", "batch-size"), "the semi-join reduction");
    return new OptimizerConfig(node.booleanValue("cross-source", DEFAULTS.crossSource()),
        semiJoin.intValue("max-keys", DEFAULTS.semiJoinMaxKeys(), 1, 1_000_000),
        semiJoin.intValue("batch-size", DEFAULTS.semiJoinBatchSize(), 1, 100_000));
  }

  /**
   * This config with the master switch as a connection property sets it; the property's value must be
   * true or false.
   */
  public OptimizerConfig withConnectionProperty(String value) {
    if (value == null) {
      return this;
    }
    return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> new OptimizerConfig(true, semiJoinMaxKeys, semiJoinBatchSize);
      case "false" -> new OptimizerConfig(false, semiJoinMaxKeys, semiJoinBatchSize);
      default -> throw new ConfigException("connection property " + CROSS_SOURCE_PROPERTY + ": '" + value
          + "' is not true or false.");
    };
  }
}
