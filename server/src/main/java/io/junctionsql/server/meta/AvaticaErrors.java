package io.junctionsql.server.meta;

import io.junctionsql.planner.SqlStates;

import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.Service.ErrorResponse;

import java.sql.SQLException;

/**
 * Turns what Junction throws into the error Avatica sends back. Avatica keeps a SQLState only from an
 * {@link AvaticaRuntimeException}; anything else reaches the client with state 00000 and a Java
 * causal chain, which tells a user nothing they can act on.
 */
final class AvaticaErrors {
  private AvaticaErrors() {
  }

  static RuntimeException toClient(Throwable failure) {
    if (failure instanceof AvaticaRuntimeException) {
      return (RuntimeException) failure;
    }
    if (failure instanceof NoSuchConnectionException) {
      // Avatica's own exception carries no message; the error code lets clients reconnect as they would.
      return new AvaticaRuntimeException("Connection not found: it was closed, expired after being idle "
          + "(server.limits.idle_connection_timeout), or never opened on this server. Open a new connection.",
          ErrorResponse.MISSING_CONNECTION_ERROR_CODE, "08003", AvaticaSeverity.ERROR);
    }
    SQLException sql = findSql(failure);
    if (sql != null) {
      return new AvaticaRuntimeException(sql.getMessage(), sql.getErrorCode(),
          sql.getSQLState() == null ? SqlStates.INTERNAL_ERROR : sql.getSQLState(), AvaticaSeverity.ERROR);
    }
    if (failure instanceof NoSuchStatementException) {
      return new AvaticaRuntimeException("The statement does not exist on this server: it was closed, expired "
          + "after being idle, or belongs to another connection. Prepare it again.", 0, "26000", AvaticaSeverity.ERROR);
    }
    return new AvaticaRuntimeException("Internal error in the Junction server (" + failure.getClass().getSimpleName()
        + "); the server log has the details.", 0, SqlStates.INTERNAL_ERROR, AvaticaSeverity.ERROR);
  }

  static SQLException findSql(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException) {
        return (SQLException) t;
      }
    }
    return null;
  }
}
