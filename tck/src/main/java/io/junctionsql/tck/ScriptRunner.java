package io.junctionsql.tck;

import io.junctionsql.driver.JunctionStatement;
import io.junctionsql.planner.runtime.SourceQuery;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Runs a {@link ScriptCase} through a Junction connection and checks it: rows against an oracle
 * database (or the script's own rows), the SQL each source received, and the EXPLAIN text.
 */
public final class ScriptRunner {
  private final Connection junction;
  private final Connection oracle;
  private final UnaryOperator<String> toOracleSql;
  private final boolean checksSourceSql;

  /**
   * @param junction the way in under test
   * @param oracle one database holding all the data, or null when no case checks against it
   * @param toOracleSql rewrites a Junction query for the oracle (for example drops source prefixes)
   * @param checksSourceSql whether to check what the sources received: only an embedded connection can
   *     say (a remote one runs the same planner on the server)
   */
  public ScriptRunner(Connection junction, Connection oracle, UnaryOperator<String> toOracleSql,
      boolean checksSourceSql) {
    this.junction = junction;
    this.oracle = oracle;
    this.toOracleSql = toOracleSql;
    this.checksSourceSql = checksSourceSql;
  }

  /** Runs the case; returns the list of problems, empty when it passed. */
  public List<String> run(ScriptCase c) throws SQLException {
    List<String> problems = new ArrayList<>();
    List<List<String>> actual;
    Map<String, List<String>> received = new LinkedHashMap<>();
    try (Statement s = junction.createStatement(); ResultSet rs = s.executeQuery(c.query())) {
      actual = read(rs);
      if (checksSourceSql) {
        for (SourceQuery q : s.unwrap(JunctionStatement.class).sourceQueries()) {
          received.computeIfAbsent(q.source(), k -> new ArrayList<>()).add(q.sql());
        }
      }
    }
    checkRows(c, actual, problems);
    if (checksSourceSql) {
      checkSources(c, received, problems);
    }
    if (!c.explainContains().isEmpty()) {
      String plan;
      try (Statement s = junction.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + c.query())) {
        rs.next();
        plan = rs.getString(1);
      }
      for (String f : c.explainContains()) {
        if (!squash(plan).contains(squash(f))) {
          problems.add("EXPLAIN lacks '" + f + "':\n" + plan);
        }
      }
    }
    return problems;
  }

  private static void checkSources(ScriptCase c, Map<String, List<String>> received, List<String> problems) {
    c.sourceSql().forEach((source, expected) -> {
      List<String> got = received.getOrDefault(source, List.of());
      if (!normalize(got).equals(normalize(expected))) {
        problems.add("source " + source + " received:\n" + String.join("\n--\n", got)
            + "\nbut the script expects:\n" + String.join("\n--\n", expected));
      }
    });
    c.sourceContains().forEach((source, fragments) -> {
      String got = String.join("\n", received.getOrDefault(source, List.of()));
      for (String f : fragments) {
        if (!squash(got).contains(squash(f))) {
          problems.add("source " + source + " did not receive '" + f + "'; it received:\n" + got);
        }
      }
    });
  }

  private void checkRows(ScriptCase c, List<List<String>> actual, List<String> problems) throws SQLException {
    boolean ordered = c.check().startsWith("ordered");
    List<List<String>> expected;
    if (c.check().endsWith("oracle")) {
      try (Statement s = oracle.createStatement(); ResultSet rs = s.executeQuery(toOracleSql.apply(c.query()))) {
        expected = read(rs);
      }
    } else {
      expected = new ArrayList<>();
      for (String row : c.rows()) {
        List<String> cells = new ArrayList<>();
        for (String cell : row.split("\\|", -1)) {
          String v = cell.strip();
          cells.add(v.equals("NULL") ? null : canonical(v));
        }
        expected.add(cells);
      }
    }
    List<List<String>> a = ordered ? actual : sorted(actual);
    List<List<String>> e = ordered ? expected : sorted(expected);
    if (!a.equals(e)) {
      int first = 0;
      while (first < Math.min(a.size(), e.size()) && a.get(first).equals(e.get(first))) {
        first++;
      }
      problems.add("rows differ (" + a.size() + " actual, " + e.size() + " expected), first at row " + (first + 1)
          + ":\nactual:   " + (first < a.size() ? a.get(first) : "(none)")
          + "\nexpected: " + (first < e.size() ? e.get(first) : "(none)"));
    }
  }

  /** Rows as canonical text: numbers by value (doubles to 9 digits), NULL as null. */
  static List<List<String>> read(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<List<String>> rows = new ArrayList<>();
    while (rs.next()) {
      String[] row = new String[n];
      for (int i = 1; i <= n; i++) {
        Object v = rs.getObject(i);
        if (v instanceof Double || v instanceof Float) {
          row[i - 1] = canonical(new BigDecimal(((Number) v).doubleValue()).round(new MathContext(9)).toPlainString());
        } else if (v instanceof byte[]) {
          row[i - 1] = Arrays.toString((byte[]) v);
        } else {
          row[i - 1] = v == null ? null : canonical(v.toString());
        }
      }
      rows.add(Arrays.asList(row));
    }
    return rows;
  }

  /** Numbers compare by value, so 10.50, 10.5 and 1.05E+1 are one value. */
  static String canonical(String v) {
    try {
      BigDecimal d = new BigDecimal(v.strip());
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return v;
    }
  }

  private static List<List<String>> sorted(List<List<String>> rows) {
    List<List<String>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(Object::toString));
    return copy;
  }

  private static List<String> normalize(List<String> statements) {
    List<String> out = new ArrayList<>();
    statements.forEach(s -> out.add(squash(s)));
    return out;
  }

  /** Compares SQL regardless of line breaks and indentation. */
  private static String squash(String sql) {
    return sql.replaceAll("\\s+", " ").strip();
  }
}
