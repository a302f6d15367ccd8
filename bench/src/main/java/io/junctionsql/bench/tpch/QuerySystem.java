package io.junctionsql.bench.tpch;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** A system the workload runs on: its connection, its names for the tables, and what its sources gave. */
interface QuerySystem extends AutoCloseable {
  /** The column heading in the report. */
  String name();

  Connection connection();

  /** This system's name for a TPC-H table. */
  String table(String name);

  /** Rows and bytes each source gave since the last call; empty for a system that does not say. */
  default Map<String, SourceFigures> takeSourceFigures() throws SQLException {
    return Map.of();
  }

  @Override void close() throws SQLException;
}
