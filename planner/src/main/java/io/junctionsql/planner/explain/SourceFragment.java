package io.junctionsql.planner.explain;

/**
 * A plan node that a source runs on its own and that describes itself for EXPLAIN (a Delta scan:
 * its columns, Kernel predicate and files). JDBC fragments are rendered from their SQL instead.
 */
public interface SourceFragment {
  String sourceName();

  /** What the source will do, in one or more lines; may read the source's metadata. */
  String describeForExplain();
}
