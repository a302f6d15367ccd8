package io.junctionsql.planner.dialect;

import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlDialectFactoryImpl;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/** Picks the SQL dialect for a JDBC source: Junction's own where Calcite has none, Calcite's otherwise. */
public final class JunctionDialects {
  /** What SAP HANA and Datasphere report as their product name. */
  static final String HANA_PRODUCT_NAME = "HDB";

  /**
   * What Databricks and Spark report as their product name, upper case and without blanks, hyphens or
   * underscores: "SparkSQL" from the Databricks JDBC driver and the Simba Spark driver it replaces,
   * "Spark SQL" from a Spark thrift server whatever driver asks (the Hive JDBC driver passes on what
   * the server says), "Spark" as Calcite knows it, and "Databricks" in case a driver says so. "Apache
   * Hive" is not among them: that is what HiveServer2 itself says, and Hive is not Spark.
   */
  static final Set<String> SPARK_PRODUCT_NAMES =
      Set.of("SPARKSQL", "SPARK", "APACHESPARK", "APACHESPARKSQL", "DATABRICKS", "DATABRICKSSQL");

  private JunctionDialects() {
  }

  public static SqlDialect forMetaData(DatabaseMetaData md) throws SQLException {
    String product = md.getDatabaseProductName();
    if (product != null && HANA_PRODUCT_NAME.equalsIgnoreCase(product.trim())) {
      return new HanaSqlDialect(withVersion(HanaSqlDialect.DEFAULT_CONTEXT, md));
    }
    if (product != null && isSpark(product)) {
      return new DatabricksSqlDialect(withVersion(DatabricksSqlDialect.DEFAULT_CONTEXT, md)
          .withDatabaseProductName(product.trim()));
    }
    return SqlDialectFactoryImpl.INSTANCE.create(md);
  }

  static boolean isSpark(String productName) {
    return SPARK_PRODUCT_NAMES.contains(productName.replaceAll("[\\s_-]", "").toUpperCase(Locale.ROOT));
  }

  /**
   * The dialect's own context, which fixes quoting, casing and null order, with the version the driver
   * reports. Drivers' quoting answers are not trusted: older Hive drivers answer a blank.
   */
  private static SqlDialect.Context withVersion(SqlDialect.Context context, DatabaseMetaData md)
      throws SQLException {
    return context
        .withDatabaseVersion(md.getDatabaseProductVersion())
        .withDatabaseMajorVersion(md.getDatabaseMajorVersion())
        .withDatabaseMinorVersion(md.getDatabaseMinorVersion());
  }
}
