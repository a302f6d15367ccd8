package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.dialect.DatabricksSqlDialect;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Row counts from the source's own catalog, so that no remote table is planned with Calcite's
 * 100-row guess. Cheap catalog reads first; where the catalog knows nothing, a bounded count, or for
 * Databricks a full one, which a Delta table answers from its log.
 */
final class JdbcStatistics {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcStatistics.class);
  /** Counting stops here: beyond it, "large" is all the planner needs to know. */
  static final long COUNT_LIMIT = 1_000_000;
  private static final int COUNT_TIMEOUT_SECONDS = 5;

  private JdbcStatistics() {
  }

  /** The table's rows; empty when they could not be read, in time or at all, and the planner is to assume many. */
  static OptionalDouble rowCount(Connection c, SourceInfo info, String schema, String table) {
    String product = info.productName().toLowerCase(Locale.ROOT);
    try {
      Double fromCatalog = null;
      if (product.contains("postgres")) {
        fromCatalog = single(c, "SELECT c.reltuples FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
            + " ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?", schema, table);
      } else if (product.equals("h2")) {
        fromCatalog = single(c, "SELECT ROW_COUNT_ESTIMATE FROM INFORMATION_SCHEMA.TABLES"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?", schema, table);
      }
      // PostgreSQL says -1 for a table never analyzed, and 0 may mean the same for an old server.
      if (fromCatalog != null && fromCatalog > 0) {
        return OptionalDouble.of(fromCatalog);
      }
      return count(c, info.dialect() instanceof DatabricksSqlDialect ? fullCountSql(info.dialect(), schema, table)
          : boundedCountSql(info.dialect(), schema, table));
    } catch (SQLException e) {
      LOG.warn("Source {}: no row count for {}.{} ({}); planning with {} rows until it is read again",
          info.productName(), schema, table, e.getMessage(), COUNT_LIMIT);
      return OptionalDouble.empty();
    }
  }

  /**
   * Each column's distinct values as the database's statistics estimate them, where it keeps such statistics
   * (PostgreSQL's {@code pg_stats}, filled by ANALYZE); empty elsewhere or when the read fails. They let the
   * planner tell a join on a key (an order to its lines) from a join on a category (customers and suppliers of
   * one nation), which multiplies rows.
   */
  static Map<String, Double> distinctValues(Connection c, SourceInfo info, String schema, String table,
      double rows) {
    if (!info.productName().toLowerCase(Locale.ROOT).contains("postgres")) {
      return Map.of();
    }
    Map<String, Double> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT attname, n_distinct FROM pg_catalog.pg_stats WHERE schemaname = ? AND tablename = ?")) {
      ps.setString(1, schema);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          double n = rs.getDouble(2);
          // PostgreSQL writes a count as a positive number and a fraction of the rows as a negative one.
          out.put(rs.getString(1), n >= 0 ? n : -n * rows);
        }
      }
    } catch (SQLException e) {
      LOG.debug("Source {}: no column statistics for {}.{} ({})", info.productName(), schema, table, e.getMessage());
      return Map.of();
    }
    out.values().removeIf(n -> !(n > 0));
    return out;
  }

  private static Double single(Connection c, String sql, String schema, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, schema);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getDouble(1) : null;
      }
    }
  }

  static String boundedCountSql(SqlDialect dialect, String schema, String table) {
    return inDialect(dialect, "SELECT COUNT(*) FROM (SELECT 1 AS x FROM " + quoted(schema) + "." + quoted(table)
        + " FETCH FIRST " + (COUNT_LIMIT + 1) + " ROWS ONLY) t", schema, table);
  }

  /**
   * A count without a bound, for Databricks and Spark: a Delta table answers it from the row counts in its
   * transaction log without reading a file, where the bounded count's sub-query makes it scan. A view that
   * has to be computed is stopped by the timeout, as the bounded count would be.
   */
  static String fullCountSql(SqlDialect dialect, String schema, String table) {
    return inDialect(dialect, "SELECT COUNT(*) FROM " + quoted(schema) + "." + quoted(table), schema, table);
  }

  /** Standard SQL rendered in the source's dialect (LIMIT, FETCH FIRST or TOP; its quoting). */
  private static String inDialect(SqlDialect dialect, String standard, String schema, String table) {
    try {
      SqlNode node = SqlParser.create(standard, SqlParser.config().withQuoting(Quoting.DOUBLE_QUOTE)
          .withUnquotedCasing(Casing.UNCHANGED).withQuotedCasing(Casing.UNCHANGED)).parseQuery();
      return node.toSqlString(dialect).getSql();
    } catch (SqlParseException e) {
      throw new IllegalStateException("cannot write a row count for " + schema + "." + table, e);
    }
  }

  private static String quoted(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static OptionalDouble count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.setQueryTimeout(COUNT_TIMEOUT_SECONDS);
      try (ResultSet rs = s.executeQuery(sql)) {
        return rs.next() ? OptionalDouble.of(Math.max(1, rs.getLong(1))) : OptionalDouble.empty();
      } finally {
        clearTimeout(s);
      }
    }
  }

  /**
   * Takes the count's timeout off again. H2 keeps a statement's timeout as its session's, so on a pooled
   * connection every later query of the source would be stopped after the count's few seconds.
   */
  private static void clearTimeout(Statement s) throws SQLException {
    s.setQueryTimeout(0);
  }
}
