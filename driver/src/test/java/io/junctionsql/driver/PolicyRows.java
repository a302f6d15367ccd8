package io.junctionsql.driver;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Rows as canonical text, so that Junction's answer and the oracle's compare by value. */
final class PolicyRows {
  private PolicyRows() {
  }

  /** The query's rows, sorted: numbers by value (doubles to 9 digits), NULL as null. */
  static List<String> of(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return read(rs);
    }
  }

  static List<String> read(ResultSet rs) throws SQLException {
    int n = rs.getMetaData().getColumnCount();
    List<String> rows = new ArrayList<>();
    while (rs.next()) {
      String[] row = new String[n];
      for (int i = 1; i <= n; i++) {
        row[i - 1] = canonical(rs.getObject(i));
      }
      rows.add(Arrays.toString(row));
    }
    rows.sort(null);
    return rows;
  }

  private static String canonical(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof byte[]) {
      return Arrays.toString((byte[]) v);
    }
    if (v instanceof Double || v instanceof Float) {
      v = new BigDecimal(((Number) v).doubleValue()).round(new MathContext(9));
    }
    try {
      BigDecimal d = new BigDecimal(v.toString().strip());
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return v.toString();
    }
  }
}
