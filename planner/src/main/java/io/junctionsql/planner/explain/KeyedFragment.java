package io.junctionsql.planner.explain;

import org.apache.calcite.rel.RelNode;

/**
 * A join that sends one side's keys into the other side's source (semi-join reduction): EXPLAIN shows the
 * keyed statement that source receives, and the full read it falls back to.
 */
public interface KeyedFragment {
  /** The large side as the source receives it with the keys bound as parameters. */
  RelNode keyedInput();

  /** Which input (0 or 1) is the large side. */
  int largeInput();

  /** What the keyed statement's parameters are. */
  String keyNote();

  /** When the large side is read in full instead. */
  String fallbackNote();
}
