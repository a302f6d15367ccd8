package io.junctionsql.planner.source.jdbc;

import java.sql.SQLException;

/**
 * Carries a source's {@link SQLException} through Calcite call-backs that cannot throw checked
 * exceptions; the error translator finds the original in the cause chain.
 */
final class SourceFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SourceFailure(SQLException cause) {
    super(cause.getMessage(), cause);
  }
}
