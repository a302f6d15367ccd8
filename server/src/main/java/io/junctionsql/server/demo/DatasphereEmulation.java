package io.junctionsql.server.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

/**
 * Makes an embedded H2 database look like a Datasphere space to Junction's Datasphere source: HANA's
 * catalog views ({@code SYS.VIEWS}, {@code SYS.VIEW_COLUMNS}, ...) describing the views of one space
 * schema, and the user {@code DWC_GLOBAL} that marks a Datasphere tenant. An emulation for the demo,
 * named as such: the SQL Junction sends is HANA SQL, which H2 reads for the queries the demo runs.
 */
final class DatasphereEmulation {
  private DatasphereEmulation() {
  }

  /** Creates the space's views (name to SELECT) and the catalog rows that expose them. */
  static void publish(Connection c, String space, Map<String, String> views) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA SYS");
      s.execute("CREATE TABLE SYS.VIEWS (SCHEMA_NAME VARCHAR(256), VIEW_NAME VARCHAR(256), VIEW_TYPE VARCHAR(20))");
      s.execute("CREATE TABLE SYS.TABLES (SCHEMA_NAME VARCHAR(256), TABLE_NAME VARCHAR(256))");
      for (String t : new String[] {"VIEW_COLUMNS", "TABLE_COLUMNS"}) {
        s.execute("CREATE TABLE SYS." + t + " (SCHEMA_NAME VARCHAR(256), OBJECT_NAME VARCHAR(256),"
            + " COLUMN_NAME VARCHAR(256), POSITION INT, DATA_TYPE_NAME VARCHAR(16), LENGTH INT, SCALE INT,"
            + " IS_NULLABLE VARCHAR(5), COMMENTS VARCHAR(5000))");
      }
      s.execute("ALTER TABLE SYS.VIEW_COLUMNS ALTER COLUMN OBJECT_NAME RENAME TO VIEW_NAME");
      s.execute("ALTER TABLE SYS.TABLE_COLUMNS ALTER COLUMN OBJECT_NAME RENAME TO TABLE_NAME");
      s.execute("CREATE TABLE SYS.CONSTRAINTS (SCHEMA_NAME VARCHAR(256), TABLE_NAME VARCHAR(256),"
          + " COLUMN_NAME VARCHAR(256), POSITION INT, IS_PRIMARY_KEY VARCHAR(5))");
      s.execute("CREATE TABLE SYS.M_TABLES (SCHEMA_NAME VARCHAR(256), TABLE_NAME VARCHAR(256), RECORD_COUNT BIGINT)");
      s.execute("CREATE TABLE SYS.USERS (USER_NAME VARCHAR(256))");
      s.execute("INSERT INTO SYS.USERS VALUES ('SYSTEM'), ('DWC_GLOBAL')");
      s.execute("CREATE SCHEMA \"" + space + "\"");
      for (Map.Entry<String, String> v : views.entrySet()) {
        s.execute("CREATE VIEW \"" + space + "\".\"" + v.getKey() + "\" AS " + v.getValue());
      }
    }
    for (String view : views.keySet()) {
      expose(c, space, view);
    }
  }

  private static void expose(Connection c, String space, String view) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO SYS.VIEWS VALUES (?, ?, 'ROW')")) {
      ps.setString(1, space);
      ps.setString(2, view);
      ps.execute();
    }
    try (PreparedStatement columns = c.prepareStatement("SELECT COLUMN_NAME, ORDINAL_POSITION, DATA_TYPE,"
        + " CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, IS_NULLABLE FROM INFORMATION_SCHEMA.COLUMNS"
        + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION");
         PreparedStatement insert = c.prepareStatement("INSERT INTO SYS.VIEW_COLUMNS VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)")) {
      columns.setString(1, space);
      columns.setString(2, view);
      try (ResultSet rs = columns.executeQuery()) {
        while (rs.next()) {
          String h2 = rs.getString(3).toUpperCase(Locale.ROOT);
          String hana = h2.startsWith("CHARACTER") ? "NVARCHAR" : h2.equals("NUMERIC") || h2.equals("DECIMAL")
              ? "DECIMAL" : h2.equals("DOUBLE PRECISION") ? "DOUBLE" : h2;
          insert.setString(1, space);
          insert.setString(2, view);
          insert.setString(3, rs.getString(1));
          insert.setInt(4, rs.getInt(2));
          insert.setString(5, hana);
          insert.setInt(6, hana.equals("NVARCHAR") ? rs.getInt(4) : rs.getInt(5));
          insert.setInt(7, rs.getInt(6));
          insert.setString(8, "YES".equals(rs.getString(7)) ? "TRUE" : "FALSE");
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }
}
