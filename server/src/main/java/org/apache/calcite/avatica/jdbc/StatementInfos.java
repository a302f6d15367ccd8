package org.apache.calcite.avatica.jdbc;

import java.sql.Statement;

/** The statement behind Avatica's cache entry, which Avatica keeps package-private. */
public final class StatementInfos {
  private StatementInfos() {
  }

  public static Statement statement(StatementInfo info) {
    return info.statement;
  }
}
