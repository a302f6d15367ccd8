package io.junctionsql.server.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Prints rows as an aligned text table. */
final class TablePrinter {
  private TablePrinter() {
  }

  /** Prints up to {@code maxRows} rows; returns how many the result had in all. */
  static int print(ResultSet rs, PrintStream out, int maxRows) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<String[]> rows = new ArrayList<>();
    String[] header = new String[n];
    for (int i = 1; i <= n; i++) {
      header[i - 1] = md.getColumnLabel(i);
    }
    int total = 0;
    while (rs.next()) {
      total++;
      if (rows.size() < maxRows) {
        String[] row = new String[n];
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          row[i - 1] = v == null ? "NULL" : v.toString();
        }
        rows.add(row);
      }
    }
    print(header, rows, out);
    if (total > rows.size()) {
      out.println("(" + total + " rows, first " + rows.size() + " shown)");
    } else {
      out.println("(" + total + (total == 1 ? " row)" : " rows)"));
    }
    return total;
  }

  static void print(String[] header, List<String[]> rows, PrintStream out) {
    int[] width = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      width[i] = header[i].length();
      for (String[] row : rows) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    out.println(line(header, width));
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
    }
    out.println(rule);
    for (String[] row : rows) {
      out.println(line(row, width));
    }
  }

  private static String line(String[] cells, int[] width) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      sb.append(i == 0 ? "" : " | ").append(String.format("%-" + width[i] + "s", cells[i]));
    }
    return sb.toString().stripTrailing();
  }
}
