package io.junctionsql.bench.tpch;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.UnaryOperator;

/** A database reached with its own JDBC driver: the PostgreSQL oracle, or Trino. */
final class JdbcSystem implements QuerySystem {
  private final String name;
  private final Connection connection;
  private final UnaryOperator<String> tables;

  JdbcSystem(String name, String url, Properties properties, UnaryOperator<String> tables) throws SQLException {
    this.name = name;
    this.connection = DriverManager.getConnection(url, properties);
    this.tables = tables;
  }

  @Override public String name() {
    return name;
  }

  @Override public Connection connection() {
    return connection;
  }

  @Override public String table(String table) {
    return tables.apply(table);
  }

  @Override public void close() throws SQLException {
    connection.close();
  }
}
