package io.junctionsql.tck.slt;

import net.hydromatic.sqllogictest.ISqlTestOperation;
import net.hydromatic.sqllogictest.OptionsParser;
import net.hydromatic.sqllogictest.SltSqlStatement;
import net.hydromatic.sqllogictest.SltTestFile;
import net.hydromatic.sqllogictest.SqlTestQuery;
import net.hydromatic.sqllogictest.TestStatistics;
import net.hydromatic.sqllogictest.executors.JdbcExecutor;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The library's JDBC executor split in two: Junction is read-only, so the corpus's statements (CREATE TABLE,
 * INSERT, ...) run directly on PostgreSQL, the executor's own connection, while every query runs through
 * Junction. Results are checked by the library's {@link #validate} (its value formatting, sort modes and
 * MD5 hashes), so a query passes here exactly when it would pass the library's own runner.
 */
final class SplitExecutor extends JdbcExecutor {
  /** No query of the chosen files needs longer; a runaway plan fails its query instead of the whole run. */
  static final int QUERY_TIMEOUT_SECONDS = 30;

  private final Connection junction;

  SplitExecutor(OptionsParser.SuppliedOptions options, String postgresUrl, String user, Connection junction) {
    super(options, postgresUrl, user, "");
    this.junction = junction;
  }

  /** Runs one file: statements on PostgreSQL, queries through Junction, each outcome recorded. */
  SltRun run(String file) throws Exception {
    SltTestFile test = new SltTestFile(file);
    test.parse(options);
    SltRun run = new SltRun(file);
    for (ISqlTestOperation operation : test.fileContents) {
      SltSqlStatement statement = operation.as(SltSqlStatement.class);
      if (statement != null) {
        run.statement(statement.statement, onPostgres(statement));
      } else {
        SqlTestQuery query = operation.to(options.err, SqlTestQuery.class);
        run.query(query.getQuery(), throughJunction(query));
      }
    }
    return run;
  }

  /** Null when the statement did what the file expects (succeed or fail), else what happened. */
  private String onPostgres(SltSqlStatement statement) {
    try (Statement s = getConnection().createStatement()) {
      s.execute(statement.statement);
      return statement.shouldPass ? null : "succeeded on PostgreSQL, but the file expects an error";
    } catch (SQLException e) {
      return statement.shouldPass ? "PostgreSQL: " + SltRun.firstLine(e.getMessage()) : null;
    }
  }

  /** Null when Junction's answer matches the file's, else why not. */
  private String throughJunction(SqlTestQuery query) {
    Failures failures = new Failures();
    try (Statement s = junction.createStatement()) {
      s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      try (ResultSet rs = s.executeQuery(query.getQuery())) {
        validate(query, rs, query.outputDescription, failures);
      }
    } catch (Exception e) {
      String state = e instanceof SQLException ? ((SQLException) e).getSQLState() : e.getClass().getSimpleName();
      return "[" + state + "] " + SltRun.firstLine(e.getMessage());
    }
    return failures.first;
  }

  /** The library's statistics only count failures; this keeps the first one's description. */
  private static final class Failures extends TestStatistics {
    String first;

    Failures() {
      super(false, 0);
    }

    @Override public boolean addFailure(FailedTestDescription failure) {
      if (first == null) {
        first = failure.error + (failure.details.isEmpty() ? "" : ": " + SltRun.oneLine(failure.details));
      }
      return super.addFailure(failure);
    }
  }

  /** Whole files go through {@link #run}; this entry point of the library's runner is not used. */
  @Override public TestStatistics execute(SltTestFile file, OptionsParser.SuppliedOptions options) {
    throw new UnsupportedOperationException("use run(file)");
  }
}
