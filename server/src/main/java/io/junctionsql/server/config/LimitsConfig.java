package io.junctionsql.server.config;

import io.junctionsql.planner.config.ConfigNode;

import java.time.Duration;
import java.util.List;

/**
 * What one server lets its clients do at once, so that load gives clear errors instead of hangs.
 *
 * @param maxConcurrentQueries queries executing or fetching at one time, over all users
 * @param maxConcurrentQueriesPerUser the same for one user
 * @param queryTimeout how long one execute or fetch may run (Avatica has no cancel request)
 * @param maxRows rows one result may return; reading past it fails the query (0 = no limit)
 * @param idleConnectionTimeout a connection unused this long is closed, with its statements
 * @param maxRequestBytes the largest request body accepted
 * @param maxConnectionsPerUser open connections one user may hold
 */
public record LimitsConfig(int maxConcurrentQueries, int maxConcurrentQueriesPerUser, Duration queryTimeout,
    long maxRows, Duration idleConnectionTimeout, int maxRequestBytes, int maxConnectionsPerUser) {

  public static LimitsConfig defaults() {
    return new LimitsConfig(64, 16, Duration.ofMinutes(5), 0, Duration.ofMinutes(10), 16 << 20, 64);
  }

  static LimitsConfig parse(ConfigNode node) {
    node.allowOnly(List.of("max_concurrent_queries", "max_concurrent_queries_per_user", "query_timeout",
        "max_rows", "idle_connection_timeout", "max_request_bytes", "max_connections_per_user"), "server.limits");
    LimitsConfig d = defaults();
    int overall = node.intValue("max_concurrent_queries", d.maxConcurrentQueries(), 1, 100_000);
    return new LimitsConfig(overall,
        node.intValue("max_concurrent_queries_per_user", Math.min(d.maxConcurrentQueriesPerUser(), overall), 1,
            overall),
        node.duration("query_timeout", d.queryTimeout()),
        node.intValue("max_rows", 0, 0, Integer.MAX_VALUE),
        node.duration("idle_connection_timeout", d.idleConnectionTimeout()),
        node.intValue("max_request_bytes", d.maxRequestBytes(), 1024, 1 << 30),
        node.intValue("max_connections_per_user", d.maxConnectionsPerUser(), 1, 100_000));
  }
}
