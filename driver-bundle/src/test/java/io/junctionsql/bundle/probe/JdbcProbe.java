package io.junctionsql.bundle.probe;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Runs in a JVM whose class path is the shaded jar, the SLF4J API and a binding, and this class: it uses
 * nothing but {@code java.sql}, so whatever Junction needs has to come from the shaded jar. Prints
 * {@code UNRELOCATED <class>} for each third-party class it can see under its original name (there should
 * be none), then the rows of the query in the format of {@code SparkJdbcRead}, without a partition.
 *
 * <p>Usage: {@code JdbcProbe <jdbc url> <query>}.
 */
public final class JdbcProbe {
  private static final String[] ORIGINAL_NAMES = {
      "org.apache.calcite.jdbc.Driver", "com.google.common.collect.ImmutableList",
      "com.fasterxml.jackson.databind.ObjectMapper", "org.codehaus.janino.ClassBodyEvaluator",
      "io.delta.kernel.Table", "org.apache.parquet.hadoop.ParquetFileReader"};

  private JdbcProbe() {
  }

  public static void main(String[] args) throws Exception {
    for (String name : ORIGINAL_NAMES) {
      try {
        Class.forName(name);
        System.out.println("UNRELOCATED " + name);
      } catch (ClassNotFoundException expected) {
        // relocated, as it should be
      }
    }
    // DriverManager finds the driver through the jar's META-INF/services/java.sql.Driver.
    try (Connection c = DriverManager.getConnection(args[0]); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(args[1])) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder("ROW");
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          b.append('\t').append(v == null ? "\\N" : v instanceof BigDecimal d ? d.toPlainString() : v.toString());
        }
        System.out.println(b);
      }
      catalogAsToolsBrowseIt(c.getMetaData());
    }
  }

  /**
   * The DatabaseMetaData calls a BI tool makes to browse a catalog (DBeaver's generic driver, for one),
   * with "%" where tools pass it; prints {@code META <call> <values>} lines.
   */
  private static void catalogAsToolsBrowseIt(DatabaseMetaData md) throws SQLException {
    print("getCatalogs", md.getCatalogs(), "TABLE_CAT");
    print("getSchemas", md.getSchemas(null, "%"), "TABLE_CATALOG", "TABLE_SCHEM");
    print("getTables", md.getTables(null, "%", "%", null), "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME");
    print("getColumns", md.getColumns("sap", "master", "customers", "%"), "COLUMN_NAME", "DATA_TYPE");
    print("getPrimaryKeys", md.getPrimaryKeys("sap", "master", "customers"), "COLUMN_NAME");
    print("getPrimaryKeysAll", md.getPrimaryKeys("sap", "%", "%"), "TABLE_NAME", "COLUMN_NAME");
    print("getImportedKeys", md.getImportedKeys("sap", "%", "%"), "FKTABLE_NAME", "PKTABLE_NAME");
    print("getTypeInfo", md.getTypeInfo(), "TYPE_NAME");
    print("getFunctions", md.getFunctions(null, "%", "%"), "FUNCTION_NAME");
  }

  private static void print(String call, ResultSet rs, String... columns) throws SQLException {
    java.util.List<String> values = new java.util.ArrayList<>();
    try (rs) {
      while (rs.next()) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (String column : columns) {
          parts.add(rs.getString(column));
        }
        values.add(String.join(".", parts));
      }
    }
    System.out.println("META " + call + " " + values);
  }
}
