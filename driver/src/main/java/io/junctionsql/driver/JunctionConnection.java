package io.junctionsql.driver;

import io.junctionsql.planner.runtime.QueryMemoryUse;
import io.junctionsql.planner.runtime.SourceQuery;
import io.junctionsql.planner.runtime.recent.RecentQuery;
import io.junctionsql.planner.security.Identity;

import java.sql.Connection;
import java.util.List;

/** A Junction connection; {@code connection.unwrap(JunctionConnection.class)} reaches it. */
public interface JunctionConnection extends Connection {
  /** Everything the sources received on behalf of this connection, oldest first (the newest 1,000). */
  List<SourceQuery> sourceQueries();

  /** Who this connection runs for: what the server authenticated, or the embedded {@code user} property. */
  Identity identity();

  /** Contacts every source now: source name to null when it answered, else what failed. */
  java.util.Map<String, String> checkSources();

  /** Rows each source gave this connection since the last call (a server's metrics read them). */
  java.util.Map<String, Long> takeRowsRead();

  /** How much each ended statement held at most in Junction's operators, oldest first (the newest 1,000). */
  List<QueryMemoryUse> memoryUses();

  /** Source connections this connection's statements hold now, borrowed from their sources' pools. */
  int sourceConnectionsHeld();

  /** This connection's newest finished statements with their figures, oldest first (the newest 100). */
  List<RecentQuery> recentQueries();

  /** {@code action} hears each statement of this connection as it finishes (a server's audit log does). */
  void onQueryFinished(java.util.function.Consumer<RecentQuery> action);
}
