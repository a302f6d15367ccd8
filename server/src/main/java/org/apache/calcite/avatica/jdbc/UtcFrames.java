package org.apache.calcite.avatica.jdbc;

import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.util.DateTimeUtils;

import com.google.common.base.Optional;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Frames of rows converted with UTC, as Avatica converts the first frame of a result. Avatica's own
 * fetch converts the later frames with the server's default time zone instead, so on a server not
 * running in UTC every date and time after the first frame reaches the client shifted. It lives in
 * Avatica's package because the conversion it reuses is package-private there.
 */
public final class UtcFrames {
  private UtcFrames() {
  }

  public static Meta.Frame frame(StatementInfo info, ResultSet rows, long offset, int fetchMaxRowCount)
      throws SQLException {
    return JdbcResultSet.frame(info, rows, offset, fetchMaxRowCount, DateTimeUtils.calendar(),
        Optional.<Meta.Signature>absent());
  }
}
