package io.junctionsql.tck;

import io.junctionsql.driver.fixtures.PostgresDatabases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values keep their type and value through every way in: DECIMAL(38, s) exactly, text in any script,
 * NULLs, timestamps (to the millisecond, Junction's precision), empty results and a million rows, each
 * compared with PostgreSQL read directly.
 */
class TypesAcrossWaysInIT {
  static final int BIG_ROWS = 1_000_000;
  static PostgresDatabases databases;
  static String url;
  static WaysIn ways;
  @TempDir static Path dir;

  @BeforeAll static void setUp() throws Exception {
    databases = new PostgresDatabases();
    url = databases.create("types");
    PostgresDatabases.run(url, "CREATE TABLE public.typed (id INTEGER PRIMARY KEY, amount NUMERIC(38, 10), "
        + "price NUMERIC(12, 2), ratio DOUBLE PRECISION, big BIGINT, flag BOOLEAN, label TEXT, day DATE, "
        + "happened TIMESTAMP(6), happened_zone TIMESTAMPTZ);\n"
        + "INSERT INTO public.typed VALUES "
        + "(1, 1234567890123456789012345678.0123456789, 99999999.99, 0.1, 9223372036854775807, true, "
        + "'Grüße, 東京, Ωμέγα, עברית, emoji 🚀, e\u0301', DATE '2024-02-29', TIMESTAMP '2024-02-29 23:59:58.123456', "
        + "TIMESTAMPTZ '2024-06-30 12:00:00.5+02'),\n"
        + "(2, -0.0000000001, -0.01, -1e300, -9223372036854775808, false, '', DATE '1900-01-01', "
        + "TIMESTAMP '1970-01-01 00:00:00', TIMESTAMPTZ '1999-12-31 23:59:59.999+00'),\n"
        + "(3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);\n"
        + "CREATE TABLE public.times AS SELECT g AS id, TIMESTAMP '2024-03-30 22:00:00' + g * INTERVAL '7 minutes 3.123 "
        + "seconds' AS t, DATE '2024-01-01' + g AS d FROM generate_series(1, 1000) g;\n"
        + "CREATE TABLE public.big AS SELECT g AS id, md5(g::text) AS s FROM generate_series(1, " + BIG_ROWS + ") g;\n");
    ways = new WaysIn(dir, "sources:\n  pg:\n    kind: jdbc\n    url: " + url + "\n    user: postgres\n");
  }

  @AfterAll static void tearDown() throws Exception {
    ways.close();
    databases.close();
  }

  static List<String> ways() {
    return WaysIn.ALL;
  }

  /** One row read with typed getters, as text a test compares. */
  private static List<String> typedRow(ResultSet rs) throws SQLException {
    List<String> out = new ArrayList<>();
    out.add(String.valueOf(rs.getInt("id")));
    out.add(plain(rs.getBigDecimal("amount")));
    out.add(plain(rs.getBigDecimal("price")));
    double ratio = rs.getDouble("ratio");
    out.add(rs.wasNull() ? null : Double.toString(ratio));
    long big = rs.getLong("big");
    out.add(rs.wasNull() ? null : Long.toString(big));
    boolean flag = rs.getBoolean("flag");
    out.add(rs.wasNull() ? null : Boolean.toString(flag));
    out.add(rs.getString("label"));
    out.add(Objects.toString(rs.getDate("day"), null));
    out.add(millis(rs.getTimestamp("happened")));
    out.add(millis(rs.getTimestamp("happened_zone")));
    return out;
  }

  private static String plain(BigDecimal d) {
    return d == null ? null : d.stripTrailingZeros().toPlainString();
  }

  /** Junction carries times to the millisecond; the oracle's microseconds are cut to compare. */
  private static String millis(Timestamp t) {
    return t == null ? null : Long.toString(t.getTime());
  }

  private static List<List<String>> rows(Connection c, String sql) throws SQLException {
    List<List<String>> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(typedRow(rs));
      }
    }
    return out;
  }

  @ParameterizedTest @MethodSource("ways")
  void everyTypeArrivesAsPostgresHasIt(String way) throws Exception {
    List<List<String>> expected;
    try (Connection pg = PostgresDatabases.connect(url)) {
      expected = rows(pg, "SELECT * FROM public.typed ORDER BY id");
    }
    try (Connection c = ways.connect(way)) {
      assertThat(rows(c, "SELECT * FROM pg.public.typed ORDER BY id")).isEqualTo(expected);
    }
    // The values the test compares are not trivially equal: the rows hold what the test means to check.
    assertThat(expected.get(0)).contains("1234567890123456789012345678.0123456789", "9223372036854775807",
        "Grüße, 東京, Ωμέγα, עברית, emoji 🚀, e\u0301");
    assertThat(expected.get(2).subList(1, 10)).containsOnlyNulls();
  }

  @ParameterizedTest @MethodSource("ways")
  void anEmptyResultKeepsItsColumns(String way) throws Exception {
    try (Connection c = ways.connect(way); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT id, amount, label, happened FROM pg.public.typed WHERE id < 0")) {
      ResultSetMetaData md = rs.getMetaData();
      assertThat(md.getColumnCount()).isEqualTo(4);
      assertThat(md.getColumnLabel(2)).isEqualToIgnoringCase("amount");
      assertThat(md.getPrecision(2)).isEqualTo(38);
      assertThat(md.getScale(2)).isEqualTo(10);
      assertThat(rs.next()).isFalse();
    }
  }

  @ParameterizedTest @MethodSource("ways")
  void aMillionRowsStream(String way) throws Exception {
    long ids = 0;
    int rows = 0;
    java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
    try (Connection c = ways.connect(way); Statement s = c.createStatement()) {
      s.setFetchSize(10_000);
      try (ResultSet rs = s.executeQuery("SELECT id, s FROM pg.public.big ORDER BY id")) {
        while (rs.next()) {
          ids += rs.getLong(1);
          md5.update(rs.getString(2).getBytes(java.nio.charset.StandardCharsets.UTF_8));
          rows++;
        }
      }
    }
    String expected;
    try (Connection pg = PostgresDatabases.connect(url); Statement s = pg.createStatement();
         ResultSet rs = s.executeQuery("SELECT md5(string_agg(s, '' ORDER BY id)) FROM public.big")) {
      rs.next();
      expected = rs.getString(1);
    }
    assertThat(rows).isEqualTo(BIG_ROWS);
    assertThat(ids).isEqualTo((long) BIG_ROWS * (BIG_ROWS + 1) / 2);
    assertThat(java.util.HexFormat.of().formatHex(md5.digest())).as("every value, in order").isEqualTo(expected);
  }

  /** Dates and times in every frame of a result, not only the first, and as parameters. */
  @ParameterizedTest @MethodSource("ways")
  void datesAndTimesKeepTheirValueInEveryFrameAndAsParameters(String way) throws Exception {
    List<String> expected = new ArrayList<>();
    try (Connection pg = PostgresDatabases.connect(url); Statement s = pg.createStatement();
         ResultSet rs = s.executeQuery("SELECT id, t, d FROM public.times ORDER BY id")) {
      while (rs.next()) {
        expected.add(rs.getInt(1) + " " + millis(rs.getTimestamp(2)) + " " + rs.getDate(3));
      }
    }
    List<String> actual = new ArrayList<>();
    try (Connection c = ways.connect(way); Statement s = c.createStatement()) {
      s.setFetchSize(100);
      try (ResultSet rs = s.executeQuery("SELECT id, t, d FROM pg.public.times ORDER BY id")) {
        while (rs.next()) {
          actual.add(rs.getInt(1) + " " + millis(rs.getTimestamp(2)) + " " + rs.getDate(3));
        }
      }
      assertThat(actual).hasSize(1000).isEqualTo(expected);
      try (java.sql.PreparedStatement ps = c.prepareStatement(
          "SELECT COUNT(*) FROM pg.public.times WHERE t < ? AND d >= ?")) {
        ps.setTimestamp(1, Timestamp.valueOf("2024-04-01 12:30:00"));
        ps.setDate(2, java.sql.Date.valueOf("2024-01-10"));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertThat(rs.getInt(1)).isEqualTo(oracleCount());
        }
      }
    }
  }

  private static int oracleCount() throws SQLException {
    try (Connection pg = PostgresDatabases.connect(url); Statement s = pg.createStatement();
         ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM public.times WHERE t < TIMESTAMP '2024-04-01 12:30:00' "
             + "AND d >= DATE '2024-01-10'")) {
      rs.next();
      int n = rs.getInt(1);
      assertThat(n).as("the filter keeps some rows and drops others").isBetween(1, 999);
      return n;
    }
  }
}
