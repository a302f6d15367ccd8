package io.junctionsql.planner.runtime;

import io.junctionsql.planner.JunctionException;
import io.junctionsql.planner.SqlStates;

import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;

/**
 * Turns whatever a query raised into an {@link SQLException} a user can act on: a SQLState, a message
 * that says what failed and what to do, and no secret. Used at the JDBC boundary.
 */
public final class ErrorTranslator {
  private final Redactor redactor;

  public ErrorTranslator(Redactor redactor) {
    this.redactor = redactor;
  }

  public SQLException translate(Throwable failure) {
    SQLException translated = classify(failure);
    SQLException scrubbed = new SQLException(redactor.scrub(translated.getMessage()),
        translated.getSQLState(), translated.getErrorCode());
    // The cause chain may carry driver messages with secrets; keep only its scrubbed text.
    scrubbed.initCause(new ScrubbedCause(redactor.scrub(String.valueOf(rootCause(failure)))));
    return scrubbed;
  }

  /** What Avatica's result set says, without a SQLState, when its statement was cancelled. */
  private static final String AVATICA_CANCELLED = "Statement canceled";
  /** What Calcite's enumerables say when a statement's query timeout passes. */
  private static final String CALCITE_TIMEOUT = "for query execution is reached";

  private SQLException classify(Throwable failure) {
    JunctionException own = find(failure, JunctionException.class);
    if (own != null) {
      return new SQLException(own.getMessage(), own.sqlState());
    }
    SourceException source = find(failure, SourceException.class);
    if (source != null) {
      return fromSource(source);
    }
    SqlParseException parse = find(failure, SqlParseException.class);
    if (parse != null) {
      return new SQLException("Syntax error" + at(parse.getPos()) + ": " + firstLine(parse.getMessage()),
          SqlStates.SYNTAX_ERROR);
    }
    CalciteContextException validation = find(failure, CalciteContextException.class);
    if (validation != null) {
      return fromValidation(validation);
    }
    RelOptPlanner.CannotPlanException plan = find(failure, RelOptPlanner.CannotPlanException.class);
    if (mentions(failure, "CONVERT_CURRENCY")) {
      return new SQLException("convert_currency runs only inside a Datasphere (SAP HANA) source, which holds the "
          + "exchange rates; here it would have to run elsewhere. Use it on a Datasphere view's columns.",
          SqlStates.NOT_SUPPORTED);
    }
    if (plan != null) {
      return new SQLException("Junction cannot plan this query: a construct in it has no implementation yet. "
          + "Simplify the query or report it with the SQL text.", SqlStates.NOT_SUPPORTED);
    }
    ArithmeticException arithmetic = find(failure, ArithmeticException.class);
    if (arithmetic != null) {
      return new SQLException("Data error: " + arithmetic.getMessage(), SqlStates.DATA_EXCEPTION);
    }
    if (mentions(failure, CALCITE_TIMEOUT)) {
      return new SQLException("The query ran past its timeout (Statement.setQueryTimeout) and was stopped.",
          SqlStates.QUERY_CANCELLED);
    }
    SQLException sql = find(failure, SQLException.class);
    if (sql != null && sql.getSQLState() == null && AVATICA_CANCELLED.equals(sql.getMessage())) {
      return new SQLException("The query was cancelled.", SqlStates.QUERY_CANCELLED);
    }
    if (sql != null && sql.getSQLState() != null) {
      return new SQLException(sql.getMessage(), sql.getSQLState(), sql.getErrorCode());
    }
    Throwable root = rootCause(failure);
    return new SQLException("Internal error in Junction: " + root
        + ". Please report it with the query that caused it.", SqlStates.INTERNAL_ERROR);
  }

  private static SQLException fromSource(SourceException e) {
    String state = e.getSQLState();
    String message = e.getMessage();
    if (find(e, ConnectException.class) != null || find(e, UnknownHostException.class) != null
        || (state != null && state.startsWith("08"))) {
      return new SQLException("Source '" + e.source() + "' is unreachable: " + message
          + ". Check that it is running and reachable from Junction, and its url in sources." + e.source() + ".url.",
          state != null && state.startsWith("08") ? state : SqlStates.CONNECTION_FAILED);
    }
    if (state != null && state.startsWith("28")) {
      String keys = e.loginKeys() != null ? e.loginKeys()
          : "sources." + e.source() + ".user and sources." + e.source() + ".password";
      return new SQLException("Source '" + e.source() + "' refused the login: " + message + ". Check " + keys + ".",
          state);
    }
    if (find(e.getCause(), SQLTimeoutException.class) != null) {
      return new SQLException("Source '" + e.source() + "' timed out: " + message, SqlStates.QUERY_CANCELLED);
    }
    if (SqlStates.QUERY_CANCELLED.equals(state)) {
      return new SQLException("Source '" + e.source() + "' stopped the query (cancelled, or past the query timeout): "
          + message, SqlStates.QUERY_CANCELLED);
    }
    return new SQLException("Source '" + e.source() + "' failed: " + message,
        state == null ? SqlStates.INTERNAL_ERROR : state, e.getErrorCode());
  }

  private static SQLException fromValidation(CalciteContextException e) {
    String detail = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
    String where = e.getPosLine() > 0
        ? " at line " + e.getPosLine() + ", column " + e.getPosColumn() : "";
    String state;
    if (detail.startsWith("Object '") || detail.startsWith("Table '")) {
      state = SqlStates.UNDEFINED_TABLE;
      detail = detail + ". Tables are named source.schema.table; `junction catalog` lists them.";
    } else if (detail.startsWith("Column '")) {
      state = SqlStates.UNDEFINED_COLUMN;
    } else if (detail.startsWith("No match found for function signature")
        || detail.startsWith("Cannot apply")) {
      state = SqlStates.UNDEFINED_FUNCTION;
    } else {
      state = SqlStates.SYNTAX_OR_ACCESS;
    }
    return new SQLException("Invalid query" + where + ": " + detail, state);
  }

  /** True if any failure in the chain speaks of {@code word} (a function that could not be run, say). */
  private static boolean mentions(Throwable failure, String word) {
    for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (String.valueOf(c.getMessage()).contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static String at(SqlParserPos pos) {
    return pos == null || pos.getLineNum() <= 0 ? ""
        : " at line " + pos.getLineNum() + ", column " + pos.getColumnNum();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    // Calcite lists every token it expected; the first line says what matters.
    int cut = message.indexOf("\nWas expecting");
    String head = cut < 0 ? message : message.substring(0, cut);
    return head.replace('\n', ' ').trim();
  }

  static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
      if (c instanceof SQLException && ((SQLException) c).getNextException() != null
          && type.isInstance(((SQLException) c).getNextException())) {
        return type.cast(((SQLException) c).getNextException());
      }
    }
    return null;
  }

  private static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }

  /** The text of the original failure, without its objects, which may hold secrets. */
  static final class ScrubbedCause extends Exception {
    private static final long serialVersionUID = 1L;

    ScrubbedCause(String message) {
      super(message, null, false, false);
    }
  }
}
