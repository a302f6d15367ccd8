package io.junctionsql.driver;

import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.driver.fixtures.PostgresDatabases;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every supported PostgreSQL type read through Junction equals the same value read from PostgreSQL
 * directly, through each typed getter a client would use, including NULLs.
 */
class TypeRoundTripIT {
  private static final PostgresDatabases DATABASES = new PostgresDatabases();
  private static String url;
  @TempDir static Path dir;
  private static Path config;

  private static final String[] COLUMNS = {
      "c_smallint", "c_integer", "c_bigint", "c_numeric", "c_decimal38", "c_real", "c_double",
      "c_varchar", "c_text", "c_char", "c_boolean", "c_date", "c_time", "c_timestamp", "c_timestamptz",
      "c_bytea", "c_uuid"};

  @BeforeAll static void setUp() throws Exception {
    url = DATABASES.create("types");
    PostgresDatabases.run(url, "CREATE SCHEMA t;\n"
        + "CREATE TABLE t.all_types (id INTEGER PRIMARY KEY, c_smallint SMALLINT, c_integer INTEGER,"
        + " c_bigint BIGINT, c_numeric NUMERIC(12,2), c_decimal38 NUMERIC(38,10), c_real REAL,"
        + " c_double DOUBLE PRECISION, c_varchar VARCHAR(40), c_text TEXT, c_char CHAR(5), c_boolean BOOLEAN,"
        + " c_date DATE, c_time TIME(3), c_timestamp TIMESTAMP(3), c_timestamptz TIMESTAMPTZ(3), c_bytea BYTEA,"
        + " c_uuid UUID);\n"
        + "INSERT INTO t.all_types VALUES (1, -32768, 2147483647, 9223372036854775807, 1234567890.12,"
        + " 1234567890123456789012345678.0123456789, 3.25, 2.718281828459045, 'O''Brien \"quoted\"',"
        + " 'unicode: Grüße, 東京, emoji 🚀', 'ab', true, DATE '2024-02-29', TIME '23:59:58.123',"
        + " TIMESTAMP '2024-03-01 12:34:56.789', TIMESTAMPTZ '2024-03-01 12:34:56.789+05:30', '\\xdeadbeef',"
        + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11');\n"
        + "INSERT INTO t.all_types VALUES (2, 0, -1, -9223372036854775808, -0.01, -0.0000000001, -1.5e-10,"
        + " 1e300, '', '', '     ', false, DATE '1970-01-01', TIME '00:00:00', TIMESTAMP '1969-12-31 23:59:59.999',"
        + " TIMESTAMPTZ '1999-12-31 23:59:59.999+00', '\\x', '00000000-0000-0000-0000-000000000000');\n"
        + "INSERT INTO t.all_types (id) VALUES (3);\n");
    config = GatewayFiles.write(dir, "types.yaml", "sources:\n  pg:\n    kind: jdbc\n    url: " + url
        + "\n    user: " + PostgresDatabases.USER + "\n");
  }

  @AfterAll static void tearDown() throws Exception {
    DATABASES.close();
  }

  @Test void everyTypeAndGetterMatchesDirectRead() throws Exception {
    String select = "SELECT id, " + String.join(", ", COLUMNS) + " FROM ";
    try (Connection direct = PostgresDatabases.connect(url);
         Connection junction = GatewayFiles.connect(config);
         Statement ds = direct.createStatement();
         Statement js = junction.createStatement();
         ResultSet expected = ds.executeQuery(select + "t.all_types ORDER BY id");
         ResultSet actual = js.executeQuery(select + "pg.t.all_types ORDER BY id")) {
      List<String> mismatches = new ArrayList<>();
      int rows = 0;
      while (expected.next()) {
        assertThat(actual.next()).as("row %d present", rows + 1).isTrue();
        rows++;
        for (int i = 1; i <= COLUMNS.length + 1; i++) {
          compare(expected, actual, i, mismatches);
        }
      }
      assertThat(actual.next()).as("no extra rows").isFalse();
      assertThat(rows).isEqualTo(3);
      assertThat(mismatches).isEmpty();
    }
  }

  @Test void columnTypesReportedToClients() throws Exception {
    try (Connection junction = GatewayFiles.connect(config);
         Statement js = junction.createStatement();
         ResultSet rs = js.executeQuery("SELECT " + String.join(", ", COLUMNS) + " FROM pg.t.all_types")) {
      ResultSetMetaData md = rs.getMetaData();
      int[] expected = {Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.DECIMAL, Types.REAL,
          Types.DOUBLE, Types.VARCHAR, Types.VARCHAR, Types.CHAR, Types.BOOLEAN, Types.DATE, Types.TIME,
          Types.TIMESTAMP, Types.TIMESTAMP, Types.VARBINARY, Types.VARCHAR};
      for (int i = 0; i < expected.length; i++) {
        assertThat(md.getColumnType(i + 1)).as(COLUMNS[i]).isEqualTo(expected[i]);
      }
      assertThat(md.getPrecision(5)).as("DECIMAL(38,10) precision").isEqualTo(38);
      assertThat(md.getScale(5)).as("DECIMAL(38,10) scale").isEqualTo(10);
    }
  }

  private static void compare(ResultSet expected, ResultSet actual, int i, List<String> mismatches)
      throws Exception {
    String column = expected.getMetaData().getColumnLabel(i);
    int type = expected.getMetaData().getColumnType(i);
    Object e;
    Object a;
    switch (type) {
    case Types.SMALLINT:
    case Types.INTEGER:
    case Types.BIGINT:
      e = expected.getLong(i);
      a = actual.getLong(i);
      break;
    case Types.NUMERIC:
    case Types.DECIMAL:
      e = expected.getBigDecimal(i);
      a = actual.getBigDecimal(i);
      e = e == null ? null : ((java.math.BigDecimal) e).stripTrailingZeros();
      a = a == null ? null : ((java.math.BigDecimal) a).stripTrailingZeros();
      break;
    case Types.REAL:
      // REAL is a 4-byte float: compare as one (PostgreSQL's getDouble re-parses the text form).
      e = expected.getFloat(i);
      a = actual.getFloat(i);
      break;
    case Types.DOUBLE:
      e = expected.getDouble(i);
      a = actual.getDouble(i);
      break;
    case Types.BIT:
    case Types.BOOLEAN:
      e = expected.getBoolean(i);
      a = actual.getBoolean(i);
      break;
    case Types.DATE:
      e = expected.getDate(i);
      a = actual.getDate(i);
      break;
    case Types.TIME:
      e = expected.getTime(i);
      a = actual.getTime(i);
      e = e == null ? null : e.toString();
      a = a == null ? null : a.toString();
      break;
    case Types.TIMESTAMP:
    case Types.TIMESTAMP_WITH_TIMEZONE:
      // For both kinds JDBC hands out the instant as a Timestamp in the client's time zone.
      e = expected.getTimestamp(i);
      a = actual.getTimestamp(i);
      break;
    case Types.BINARY:
    case Types.VARBINARY:
      byte[] eb = expected.getBytes(i);
      byte[] ab = actual.getBytes(i);
      e = eb == null ? null : java.util.Arrays.toString(eb);
      a = ab == null ? null : java.util.Arrays.toString(ab);
      break;
    default:
      e = expected.getString(i);
      a = actual.getString(i);
    }
    boolean eNull = expected.wasNull();
    boolean aNull = actual.wasNull();
    if (!java.util.Objects.equals(e, a) || eNull != aNull) {
      mismatches.add(column + " (JDBC type " + type + "): expected " + e + (eNull ? " [null]" : "") + " but was "
          + a + (aNull ? " [null]" : ""));
    }
  }
}
