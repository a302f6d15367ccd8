package io.junctionsql.bench.trino;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * End-to-end check of the Trino baseline (bench/trino/trino): a join of a Delta fact (catalog
 * {@code lake}) with a PostgreSQL dimension (catalog {@code pg}) run on Trino through trino-jdbc must
 * give PostgreSQL's own answer over a copy of the same rows. Prints Trino's query times after a
 * warm-up, with the default session and with a wait for dynamic filters on the Delta scan.
 *
 * <p>Usage: {@code TrinoBaselineCheck prepare <lake> [pg-url]} writes the data (then start Trino on
 * that lake and register schema trino_check); {@code TrinoBaselineCheck compare <trino-jdbc-url> [pg-url]}
 * runs the comparison and exits 1 when the answers differ.
 */
public final class TrinoBaselineCheck {
  private static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  private static final String JOIN = "SELECT c.region, count(*) AS sales, sum(s.amount) AS total"
      + " FROM %s s JOIN %s c ON s.customer_id = c.customer_id"
      + " WHERE c.region IN ('north', 'east') AND s.sold_on >= DATE '2025-03-01'"
      + " GROUP BY c.region ORDER BY c.region";
  private static final int RUNS = 3;
  /**
   * The session property that lets Trino's Delta scan wait for the join's dynamic filter. A catalog
   * session property is named after the catalog ({@code lake}), not the connector ({@code delta}).
   */
  private static final String DYNAMIC_FILTER_WAIT = "lake.dynamic_filtering_wait_timeout:10s";

  private TrinoBaselineCheck() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || !(args[0].equals("prepare") || args[0].equals("compare"))) {
      System.err.println("usage: TrinoBaselineCheck prepare <lake> [pg-url] | compare <trino-jdbc-url> [pg-url]");
      System.exit(2);
    }
    String pgUrl = args.length > 2 ? args[2] : DEFAULT_PG_URL;
    if (args[0].equals("prepare")) {
      TrinoCheckData.write(Path.of(args[1]).toAbsolutePath(), pgUrl);
    } else {
      System.exit(compare(args[1], pgUrl) ? 0 : 1);
    }
  }

  private static boolean compare(String trinoUrl, String pgUrl) throws SQLException {
    String schema = TrinoCheckData.SCHEMA;
    List<List<Object>> expected;
    try (Connection pg = DriverManager.getConnection(pgUrl)) {
      expected = rows(pg, String.format(JOIN, schema + ".sales", schema + ".customers"));
    }
    String trinoSql = String.format(JOIN, "lake." + schema + ".sales", "pg." + schema + ".customers");
    boolean same = true;
    for (String url : List.of(trinoUrl, withSessionProperty(trinoUrl, DYNAMIC_FILTER_WAIT))) {
      try (Connection trino = DriverManager.getConnection(url)) {
        System.out.printf("Trino via %s (%s)%n", trino.getMetaData().getDriverName(), url);
        List<List<Object>> actual = rows(trino, trinoSql); // the warm-up
        for (int run = 1; run <= RUNS; run++) {
          long start = System.nanoTime();
          actual = rows(trino, trinoSql);
          System.out.printf("  run %d: %d ms%n", run, (System.nanoTime() - start) / 1_000_000);
        }
        boolean agrees = sameRows(expected, actual);
        System.out.printf("  %s PostgreSQL: %s%n", agrees ? "agrees with" : "DIFFERS from", actual);
        same &= agrees;
      }
    }
    System.out.printf("PostgreSQL: %s%n", expected);
    if (expected.isEmpty()) {
      System.out.println("PostgreSQL returned no row; the data is not as prepared");
      return false;
    }
    return same;
  }

  private static String withSessionProperty(String url, String property) {
    return url + (url.contains("?") ? "&" : "?") + "sessionProperties=" + property;
  }

  private static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(List.of(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)));
      }
    }
    return rows;
  }

  /** Equal row by row, decimals by value (Trino's sum has scale 2, PostgreSQL's too, but say so). */
  private static boolean sameRows(List<List<Object>> expected, List<List<Object>> actual) {
    if (expected.size() != actual.size()) {
      return false;
    }
    for (int i = 0; i < expected.size(); i++) {
      List<Object> e = expected.get(i);
      List<Object> a = actual.get(i);
      if (!Objects.equals(e.get(0), a.get(0)) || !Objects.equals(e.get(1), a.get(1))
          || ((BigDecimal) e.get(2)).compareTo((BigDecimal) a.get(2)) != 0) {
        return false;
      }
    }
    return true;
  }
}
