package io.junctionsql.driver;

import io.junctionsql.driver.fixtures.DeltaEvents;
import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.planner.runtime.SourceQuery;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Plain Delta scans skip Calcite's row objects and are read straight from Kernel's vectors. The oracle
 * is the general path over the same table: the same query with a filter that keeps every row, which
 * cannot take the direct path. Every getter of every column must answer the same on both.
 */
class DirectScanIT {
  @TempDir static Path dir;
  private static Path config;
  private static final String COLUMNS = "id, event_day, customer_id, channel, flag, tiny, small, score, cost,"
      + " amount, big_amount, payload, event_time, local_time";
  private static final String TABLE = " FROM lake.marketing.events";
  private static final Calendar KOLKATA = Calendar.getInstance(TimeZone.getTimeZone("Asia/Kolkata"));

  @BeforeAll static void setUp() {
    DeltaEvents.write(dir.resolve("lake/marketing/events"));
    config = GatewayFiles.write(dir, "delta.yaml", "sources:\n  lake:\n    kind: delta\n    location: "
        + dir.resolve("lake").toUri() + "\n");
  }

  @Test void everyGetterAnswersAsTheGeneralPathDoes() throws Exception {
    try (Connection c = GatewayFiles.connect(config); Statement s = c.createStatement()) {
      Map<Long, List<String>> direct;
      ResultSetMetaData directMeta;
      try (ResultSet rs = s.executeQuery("SELECT " + COLUMNS + TABLE)) {
        assertThat(rs.isWrapperFor(ColumnarResultSet.class)).as("plain scan takes the direct path").isTrue();
        directMeta = rs.getMetaData();
        direct = everyGetter(rs);
      }
      try (ResultSet rs = s.executeQuery("SELECT " + COLUMNS + TABLE + " WHERE id + 0 >= 0")) {
        assertThat(rs.isWrapperFor(ColumnarResultSet.class)).as("filtered scan takes the general path").isFalse();
        assertThat(columnTypes(rs.getMetaData())).isEqualTo(columnTypes(directMeta));
        Map<Long, List<String>> general = everyGetter(rs);
        assertThat(direct).hasSize(DeltaEvents.DAYS * DeltaEvents.ROWS_PER_DAY);
        assertThat(direct.keySet()).isEqualTo(general.keySet());
        List<String> mismatches = new ArrayList<>();
        for (Long id : general.keySet()) {
          List<String> d = direct.get(id);
          List<String> g = general.get(id);
          for (int i = 0; i < g.size() && mismatches.size() < 40; i++) {
            if (!g.get(i).equals(d.get(i))) {
              mismatches.add("row " + id + ": general " + g.get(i) + ", direct " + d.get(i));
            }
          }
        }
        assertThat(mismatches).isEmpty();
      }
    }
  }

  @Test void chosenRenamedAndRepeatedColumnsByLabel() throws Exception {
    try (Connection c = GatewayFiles.connect(config); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT channel AS ch, id, id AS again" + TABLE)) {
      assertThat(rs.isWrapperFor(ColumnarResultSet.class)).isTrue();
      assertThat(rs.getMetaData().getColumnLabel(1)).isEqualToIgnoringCase("ch");
      int n = 0;
      while (rs.next()) {
        assertThat(rs.getLong("again")).isEqualTo(rs.getLong("id")).isEqualTo(rs.getLong(2));
        assertThat(rs.getString("ch")).isEqualTo(rs.getString(1));
        n++;
      }
      assertThat(n).isEqualTo(DeltaEvents.DAYS * DeltaEvents.ROWS_PER_DAY);
      SQLException bad = catchThrowableOfType(SQLException.class, () -> rs.getString("nope"));
      assertThat(bad.getSQLState()).isEqualTo("42703");
    }
  }

  @Test void sourcesSeeTheSameScanAndReadOnlyOnce() throws Exception {
    try (Connection c = GatewayFiles.connect(config); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT id" + TABLE)) {
        while (rs.next()) {
          rs.getLong(1);
        }
      }
      List<String> sent = sent(s);
      assertThat(sent).hasSize(2);
      assertThat(sent.get(0)).startsWith("SCAN marketing.events@v").contains("COLUMNS (id)").endsWith("FILES 40 OF 40");
      assertThat(sent.get(1)).startsWith("READ 40 OF 40 FILES, 10000 ROWS");
    }
  }

  @Test void preparedStatementsRereadEachExecutionAndHonourMaxRows() throws Exception {
    try (Connection c = GatewayFiles.connect(config);
         PreparedStatement p = c.prepareStatement("SELECT id, channel" + TABLE)) {
      for (int run = 0; run < 2; run++) {
        try (ResultSet rs = p.executeQuery()) {
          assertThat(rs.isWrapperFor(ColumnarResultSet.class)).isTrue();
          assertThat(rs.getStatement()).isSameAs(p);
          assertThat(count(rs)).isEqualTo(DeltaEvents.DAYS * DeltaEvents.ROWS_PER_DAY);
        }
        assertThat(sent(p)).hasSize(2);
      }
      p.setMaxRows(7);
      try (ResultSet rs = p.executeQuery()) {
        assertThat(count(rs)).isEqualTo(7);
      }
    }
  }

  @Test void closingTheStatementClosesItsRowsAndStopsReading() throws Exception {
    Statement s;
    ResultSet rs;
    try (Connection c = GatewayFiles.connect(config)) {
      s = c.createStatement();
      rs = s.executeQuery("SELECT id" + TABLE);
      assertThat(rs.next()).isTrue();
      s.close();
      assertThat(rs.isClosed()).isTrue();
      SQLException e = catchThrowableOfType(SQLException.class, rs::next);
      assertThat(e.getSQLState()).isEqualTo("24000");
    }
  }

  @ParameterizedTest(name = "[{index}] SELECT id FROM events{0}")
  @ValueSource(strings = {"", " WHERE id + 0 >= 0"})
  void cancelStopsTheRowsOnEitherPath(String filter) throws Exception {
    try (Connection c = GatewayFiles.connect(config); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT id" + TABLE + filter)) {
      assertThat(rs.next()).isTrue();
      s.cancel();
      SQLException e = catchThrowableOfType(SQLException.class, () -> {
        while (rs.next()) {
          rs.getLong(1);
        }
      });
      assertThat((Object) e).as("cancel ends the rows with an error").isNotNull();
      assertThat(e.getSQLState()).as(e.toString()).isEqualTo("57014");
    }
  }

  @Test void aLimitKeepsTheGeneralPathATimeoutDoesNot() throws Exception {
    try (Connection c = GatewayFiles.connect(config); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT id" + TABLE + " LIMIT 3")) {
        assertThat(rs.isWrapperFor(ColumnarResultSet.class)).isFalse();
        assertThat(count(rs)).isEqualTo(3);
      }
      // The general path still reports what it read, after a direct scan was not taken.
      assertThat(sent(s)).anyMatch(q -> q.startsWith("READ"));
      // A timeout is kept by Junction's own timer, which stops either path.
      s.setQueryTimeout(60);
      try (ResultSet rs = s.executeQuery("SELECT id" + TABLE)) {
        assertThat(rs.isWrapperFor(ColumnarResultSet.class)).isTrue();
        assertThat(count(rs)).isEqualTo(DeltaEvents.DAYS * DeltaEvents.ROWS_PER_DAY);
      }
    }
  }

  private static int count(ResultSet rs) throws SQLException {
    int n = 0;
    while (rs.next()) {
      n++;
    }
    return n;
  }

  private static List<String> sent(Statement s) throws SQLException {
    List<String> out = new ArrayList<>();
    for (SourceQuery q : s.unwrap(JunctionStatement.class).sourceQueries()) {
      out.add(q.sql());
    }
    return out;
  }

  private static List<String> columnTypes(ResultSetMetaData md) throws SQLException {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      out.add(md.getColumnLabel(i) + " " + md.getColumnType(i) + "(" + md.getPrecision(i) + "," + md.getScale(i)
          + ")");
    }
    return out;
  }

  /**
   * Each row, keyed by id: what getObject and getString answer for every column, and for one row in
   * five every other getter too (a failure counts as an answer; failures are slow, so not on every row).
   */
  private static Map<Long, List<String>> everyGetter(ResultSet rs) throws SQLException {
    Map<Long, List<String>> rows = new TreeMap<>();
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      List<String> answers = new ArrayList<>();
      boolean all = rs.getLong("id") % 5 == 0;
      for (int i = 1; i <= n; i++) {
        int col = i;
        String label = rs.getMetaData().getColumnLabel(i);
        answers.add(label + " object=" + answer(() -> rs.getObject(col)) + " null=" + rs.wasNull());
        answers.add(label + " string=" + answer(() -> rs.getString(col)) + " null=" + rs.wasNull());
        if (!all) {
          continue;
        }
        answers.add(label + " long=" + answer(() -> rs.getLong(col)));
        answers.add(label + " int=" + answer(() -> rs.getInt(col)));
        answers.add(label + " double=" + answer(() -> rs.getDouble(col)));
        answers.add(label + " decimal=" + answer(() -> rs.getBigDecimal(col)));
        answers.add(label + " boolean=" + answer(() -> rs.getBoolean(col)));
        answers.add(label + " bytes=" + answer(() -> rs.getBytes(col)));
        answers.add(label + " date=" + answer(() -> rs.getDate(col)));
        answers.add(label + " timestamp=" + answer(() -> rs.getTimestamp(col)));
        answers.add(label + " timestampIn=" + answer(() -> rs.getTimestamp(col, KOLKATA)));
        answers.add(label + " dateIn=" + answer(() -> rs.getDate(col, KOLKATA)));
        answers.add(label + " asString=" + answer(() -> rs.getObject(col, String.class)));
        answers.add(label + " asLocal=" + answer(() -> rs.getObject(col, java.time.LocalDateTime.class)));
        answers.add(label + " byLabel=" + answer(() -> rs.getObject(label)));
      }
      rows.put(rs.getLong("id"), answers);
    }
    return rows;
  }

  private static String answer(Callable<Object> getter) {
    try {
      Object v = getter.call();
      return v instanceof byte[] ? Arrays.toString((byte[]) v) : v == null ? "null"
          : v.getClass().getSimpleName() + ":" + v;
    } catch (Exception e) {
      return "fails";
    }
  }
}
