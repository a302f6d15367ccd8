package io.junctionsql.planner.source;

import io.junctionsql.planner.config.SourceConfig;
import io.junctionsql.planner.config.SourceConfigParser;

/** One source kind: how its config is read and how a source of that kind is opened. */
public interface SourceProvider {
  /** The value of {@code kind:} that selects this provider. */
  String kind();

  SourceConfigParser configParser();

  /** Opens a source; must not contact the remote system yet, so that one down source cannot stop a gateway. */
  Source open(SourceConfig config);
}
