package io.junctionsql.planner.dialect;

import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlDialectFactoryImpl;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/** Picks the SQL dialect for a JDBC source: Junction's own where Calcite has none, Calcite's otherwise. */
public final class JunctionDialects {
  /** What SAP HANA and Datasphere report as their product name. */
  static final String HANA_PRODUCT_NAME = "HDB";

  private JunctionDialects() {
  }

  public static SqlDialect forMetaData(DatabaseMetaData md) throws SQLException {
    String product = md.getDatabaseProductName();
    if (product != null && HANA_PRODUCT_NAME.equalsIgnoreCase(product.trim())) {
      return new HanaSqlDialect(HanaSqlDialect.DEFAULT_CONTEXT
          .withDatabaseVersion(md.getDatabaseProductVersion())
          .withDatabaseMajorVersion(md.getDatabaseMajorVersion())
          .withDatabaseMinorVersion(md.getDatabaseMinorVersion()));
    }
    return SqlDialectFactoryImpl.INSTANCE.create(md);
  }
}
