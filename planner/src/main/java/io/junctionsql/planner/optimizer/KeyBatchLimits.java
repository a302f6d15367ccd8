package io.junctionsql.planner.optimizer;

import io.junctionsql.planner.dialect.DatabricksSqlDialect;
import io.junctionsql.planner.dialect.HanaSqlDialect;

import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.dialect.H2SqlDialect;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;

/**
 * How many key parameters one statement may bind in each dialect (the cap on the configured batch size), and
 * what one more statement costs there.
 */
final class KeyBatchLimits {
  /** PostgreSQL's wire protocol counts parameters in 16 bits; HANA documents the same limit. */
  static final int POSTGRESQL = 32_767;
  static final int HANA = 32_767;
  /** H2 has no fixed limit, but its parser and planner slow down on very long OR lists. */
  static final int H2 = 10_000;
  /** Databricks SQL parses each parameter marker into its plan; keep statements modest. */
  static final int DATABRICKS = 1_000;
  /** Dialects Junction does not know (Oracle's IN list stops at 1000). */
  static final int OTHER = 1_000;

  /**
   * What one more statement costs, in rows moved, for a database that answers a statement in milliseconds:
   * a round trip and a plan.
   */
  static final double STATEMENT_ROWS = 100;
  /**
   * The same for Databricks SQL and Spark, where every statement is planned and scheduled as a job of its
   * own: half a second or more on the TPC-H benchmark's Spark thrift server, the time tens of thousands of
   * rows take to arrive from it.
   */
  static final double DATABRICKS_STATEMENT_ROWS = 50_000;

  private KeyBatchLimits() {
  }

  static double statementRows(SqlDialect dialect) {
    return dialect instanceof DatabricksSqlDialect ? DATABRICKS_STATEMENT_ROWS : STATEMENT_ROWS;
  }

  static int maxKeysPerStatement(SqlDialect dialect) {
    if (dialect instanceof PostgresqlSqlDialect) {
      return POSTGRESQL;
    }
    if (dialect instanceof HanaSqlDialect) {
      return HANA;
    }
    if (dialect instanceof H2SqlDialect) {
      return H2;
    }
    if (dialect instanceof DatabricksSqlDialect) {
      return DATABRICKS;
    }
    return OTHER;
  }
}
