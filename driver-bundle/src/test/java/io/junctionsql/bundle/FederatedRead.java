package io.junctionsql.bundle;

import io.junctionsql.driver.fixtures.FederatedData;
import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.driver.fixtures.PostgresDatabases;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The federated query both bundle tests run: PostgreSQL customers (source {@code sap}) joined with the
 * Delta events table (source {@code lake}), with a column computed across both sides, so that it runs in
 * Junction's own generated (Janino-compiled) code. The oracle database holds the same data in one place.
 */
final class FederatedRead {
  /** Selected columns, in the form of the oracle's query: table aliases c (customers) and e (events). */
  private static final String COLUMNS = "c.customer_id, c.name, c.country, e.id AS event_id, e.event_day,"
      + " e.channel, e.amount, e.cost, c.name || ' / ' || e.channel AS label";
  static final String JUNCTION_QUERY = "SELECT " + COLUMNS
      + " FROM sap.master.customers c JOIN lake.marketing.events e ON e.customer_id = c.customer_id";
  static final String ORACLE_QUERY = "SELECT " + COLUMNS
      + " FROM master.customers c JOIN marketing.events e ON e.customer_id = c.customer_id";
  /** Position of event_id among the columns: unique per row (an event has at most one customer). */
  static final int EVENT_ID = 3;

  private FederatedRead() {
  }

  /**
   * A gateway of PostgreSQL and Delta only: the fixture's H2 source lives in this JVM's memory, which a
   * forked JVM cannot reach.
   */
  static Path gateway(FederatedData data, Path dir) {
    return GatewayFiles.write(dir, "junction.yaml", "sources:\n"
        + "  sap:\n    kind: jdbc\n    url: " + data.sapUrl + "\n    user: " + PostgresDatabases.USER + "\n"
        + "  lake:\n    kind: delta\n    location: " + dir.resolve("lake").toUri() + "\n");
  }

  /** The oracle's rows, each as its tab-separated values, sorted by event id. */
  static List<List<String>> oracleRows(FederatedData data) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection c = PostgresDatabases.connect(data.oracleUrl); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(ORACLE_QUERY)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          row.add(v == null ? "\\N" : v instanceof BigDecimal d ? d.toPlainString() : v.toString());
        }
        rows.add(row);
      }
    }
    return sorted(rows);
  }

  static List<List<String>> sorted(List<List<String>> rows) {
    List<List<String>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparingLong(r -> Long.parseLong(r.get(EVENT_ID))));
    return copy;
  }

  /** The values of the {@code ROW} lines of a probe's or Spark program's output, from field {@code from} on. */
  static List<List<String>> rowLines(List<String> lines, int from) {
    List<List<String>> rows = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("ROW\t")) {
        String[] f = line.split("\t", -1);
        rows.add(List.of(f).subList(1 + from, f.length));
      }
    }
    return rows;
  }

  /** One statement a source received, from a {@code junction.source} log line. */
  record SourceStatement(String source, String sql) {
  }

  private static final Pattern SOURCE_LINE = Pattern.compile("source=(\\S+) sql=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** Reads the {@code source=... sql="..."} lines that Junction logs on {@code junction.source}. */
  static List<SourceStatement> sourceStatements(List<String> lines) {
    List<SourceStatement> out = new ArrayList<>();
    for (String line : lines) {
      Matcher m = SOURCE_LINE.matcher(line);
      if (m.find()) {
        out.add(new SourceStatement(m.group(1), unescape(m.group(2))));
      }
    }
    return out;
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char next = s.charAt(++i);
        b.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  static List<String> readLines(Path file) throws java.io.IOException {
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }
}
