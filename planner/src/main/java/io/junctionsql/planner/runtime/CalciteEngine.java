package io.junctionsql.planner.runtime;

import io.junctionsql.planner.optimizer.JunctionPrepare;

import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.Driver;

import java.sql.SQLException;
import java.util.Properties;

/**
 * Calcite's JDBC engine with Junction's statement preparation. Never registered with
 * {@link java.sql.DriverManager}: Junction's own driver opens connections through it.
 */
public final class CalciteEngine extends Driver {
  static final String PREFIX = "jdbc:junction-engine:";

  /** How Junction reads SQL: standard double-quoted identifiers, matched regardless of case. */
  static Properties connectionProperties() {
    Properties p = new Properties();
    p.setProperty("quoting", "DOUBLE_QUOTE");
    p.setProperty("quotedCasing", "UNCHANGED");
    p.setProperty("unquotedCasing", "UNCHANGED");
    p.setProperty("caseSensitive", "false");
    p.setProperty("typeSystem", JunctionTypeSystem.class.getName() + "#INSTANCE");
    return p;
  }

  @Override protected String getConnectStringPrefix() {
    return PREFIX;
  }

  @Override public CalcitePrepare createPrepare() {
    return new JunctionPrepare();
  }

  CalciteConnection open() throws SQLException {
    return connect(PREFIX, connectionProperties()).unwrap(CalciteConnection.class);
  }
}
