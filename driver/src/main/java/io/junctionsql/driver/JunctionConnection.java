package io.junctionsql.driver;

import io.junctionsql.planner.runtime.SourceQuery;

import java.sql.Connection;
import java.util.List;

/** A Junction connection; {@code connection.unwrap(JunctionConnection.class)} reaches it. */
public interface JunctionConnection extends Connection {
  /** Everything the sources received on behalf of this connection, oldest first (the newest 1,000). */
  List<SourceQuery> sourceQueries();
}
