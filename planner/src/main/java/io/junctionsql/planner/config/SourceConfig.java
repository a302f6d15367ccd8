package io.junctionsql.planner.config;

import java.util.List;

/** The validated settings of one source; each source kind has its own record. */
public interface SourceConfig {
  /** The source's name: its top-level schema in SQL. */
  String name();

  /** The kind, as written under {@code kind:}. */
  String kind();

  /** Every secret this source holds, so that messages can be scrubbed of them. */
  List<Secret> secrets();
}
