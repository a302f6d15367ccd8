package org.apache.calcite.avatica.jdbc;

import org.apache.calcite.avatica.Meta;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Opens a metadata result the way Avatica's own Meta does. It lives in Avatica's package because
 * Avatica keeps its result-set conversion package-private, and Junction must answer metadata calls that
 * Avatica's Meta answers with nothing (imported and exported keys, functions) with the same conversion.
 */
public final class MetadataResults {
  private MetadataResults() {
  }

  public static Meta.MetaResultSet create(String connectionId, int statementId, ResultSet rows) throws SQLException {
    return JdbcResultSet.create(connectionId, statementId, rows);
  }
}
