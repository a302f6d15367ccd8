package io.junctionsql.planner.source.datasphere;

import io.junctionsql.planner.dialect.HanaSqlDialect;
import io.junctionsql.planner.semantic.CsnReader;
import io.junctionsql.planner.semantic.SemanticModel;
import io.junctionsql.planner.source.jdbc.JdbcFlavor;
import io.junctionsql.planner.source.jdbc.MetadataReader;
import io.junctionsql.planner.source.jdbc.SourceInfo;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A Datasphere space: HANA SQL, the space's views from HANA's system views, and a check that tells
 * Datasphere from a plain HANA database (Datasphere always has the user {@code DWC_GLOBAL}).
 */
final class DatasphereFlavor implements JdbcFlavor {
  static final String DATASPHERE_CHECK = "SELECT COUNT(*) FROM SYS.USERS WHERE USER_NAME = ?";
  static final String DATASPHERE_USER = "DWC_GLOBAL";

  private final MetadataReader reader;
  private final SemanticModel semantics;
  private final String mode;

  /** Reads the CSN files now, so that a broken one stops the gateway at start with its name. */
  DatasphereFlavor(DatasphereSourceConfig config) {
    this.semantics = config.semantics().isEmpty() ? SemanticModel.EMPTY : new CsnReader().read(config.semantics());
    this.reader = new HanaSystemViewReader(config.space(), semantics);
    this.mode = config.semanticsMode();
  }

  @Override public SemanticModel semantics() {
    return semantics;
  }

  @Override public String semanticsMode() {
    return mode;
  }

  @Override public String kind() {
    return "datasphere";
  }

  @Override public MetadataReader metadataReader() {
    return reader;
  }

  @Override public SourceInfo inspect(Connection c) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    String version = md.getDatabaseProductVersion();
    boolean datasphere;
    try (PreparedStatement ps = c.prepareStatement(DATASPHERE_CHECK)) {
      ps.setString(1, DATASPHERE_USER);
      try (ResultSet rs = ps.executeQuery()) {
        datasphere = rs.next() && rs.getLong(1) > 0;
      }
    }
    String description = (datasphere ? "SAP Datasphere (HANA " + version + ")" : "SAP HANA " + version + ", not Datasphere");
    return new SourceInfo(md.getDatabaseProductName(), version, HanaSqlDialect.DEFAULT, false, description);
  }
}
