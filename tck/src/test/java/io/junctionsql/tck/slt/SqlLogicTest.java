package io.junctionsql.tck.slt;

import io.junctionsql.driver.fixtures.GatewayFiles;
import io.junctionsql.driver.fixtures.PostgresDatabases;

import net.hydromatic.sqllogictest.OptionsParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs chosen files of SQLite's sqllogictest corpus (bundled in {@code net.hydromatic:sql-logic-test}):
 * statements on a fresh PostgreSQL database, queries through Junction over it, and checks the outcome against
 * {@code sqllogictest/known-failures.txt}.
 */
public final class SqlLogicTest {
  /**
   * The files run. {@code select1} and {@code select2} are the corpus's core (a thousand queries each over
   * small tables: expressions, CASE, scalar and EXISTS sub-queries, joins, ORDER BY); the {@code evidence}
   * files check IN lists and views against the SQL language documentation ({@code slt_lang_aggfunc} is left
   * out: the PostgreSQL policy skips all of its queries). Through Junction a
   * query costs 40 to 85 ms here (planning and code generation in Calcite, then PostgreSQL), so these 2,200
   * queries take about three minutes on two cores. {@code select3}-{@code select5} (6,600 more), each
   * {@code index} file (10,000 queries) and the {@code random} folders would take from ten minutes to hours.
   */
  static final List<String> FILES = List.of("test/select1.test", "test/select2.test", "test/evidence/in1.test",
      "test/evidence/in2.test", "test/evidence/slt_lang_createview.test");

  /** {@code -Dslt.files=test/select1.test,...} runs other files, to explore; the list check then fails. */
  static List<String> files() {
    String chosen = System.getProperty("slt.files", "");
    return chosen.isBlank() ? FILES : List.of(chosen.split(","));
  }

  static final String KNOWN_FAILURES = "/sqllogictest/known-failures.txt";
  static final Path REPORT = Path.of("target", "sqllogictest-report.md");
  static final Path DRAFT = Path.of("target", "sqllogictest-failures.txt");

  private final String postgresUrl;
  private final String user;
  private final Path config;

  public SqlLogicTest(String postgresUrl, String user, Path config) {
    this.postgresUrl = postgresUrl;
    this.user = user;
    this.config = config;
  }

  /**
   * One {@code jdbc} source over the database. The metadata cache is off: the corpus creates and drops
   * tables between queries, and each query must see the tables as they are now.
   */
  public static String gatewayYaml(String url, String user) {
    return "sources:\n  pg:\n    kind: jdbc\n    url: " + url + "\n    user: " + user + "\n"
        + "    metadata-cache-ttl: 0s\n";
  }

  public void runAndCheck() throws Exception {
    long start = System.currentTimeMillis();
    List<SltRun> runs = new ArrayList<>();
    try (Connection junction = GatewayFiles.connect(config)) {
      // The corpus names its tables unqualified; this makes them resolve in the source's public schema.
      junction.setSchema("pg.public");
      OptionsParser.SuppliedOptions options = new OptionsParser(false, System.out, System.err).getOptions();
      SplitExecutor executor = new SplitExecutor(options, postgresUrl, user, junction);
      executor.establishConnection();
      try {
        newTablesAreVisibleAtOnce(executor.getConnection(), junction);
        for (String file : files()) {
          long t = System.currentTimeMillis();
          emptySchema(executor.getConnection());
          SltRun run = executor.run(file);
          runs.add(run);
          System.out.printf("sqllogictest %s: %d of %d queries passed, %d ms%n", run.name(), run.count(true, true),
              run.count(true, false), System.currentTimeMillis() - t);
        }
      } finally {
        executor.closeConnection();
      }
    }
    KnownFailures known = KnownFailures.parse(load(KNOWN_FAILURES));
    List<SltRun.Outcome> unexpected = known.unexpected(runs);
    List<String> stale = known.stale(runs);
    String report = SltReport.render(runs, known, unexpected, stale, System.currentTimeMillis() - start);
    System.out.println(report);
    SltReport.write(REPORT, report);
    SltReport.write(DRAFT, KnownFailures.draft(runs));
    assertThat(unexpected).as("failures not in " + KNOWN_FAILURES + " (see " + REPORT + ")").isEmpty();
    assertThat(stale).as("entries of " + KNOWN_FAILURES + " that no longer fail: remove them").isEmpty();
  }

  /**
   * The corpus creates tables after Junction has listed the schema; unless they show up at once, every later
   * query would fail for the wrong reason. Checked once up front, so that such a failure says so.
   */
  private static void newTablesAreVisibleAtOnce(Connection pg, Connection junction) throws SQLException {
    try (Statement p = pg.createStatement(); Statement j = junction.createStatement()) {
      p.execute("CREATE TABLE visible_first (a INT)");
      j.executeQuery("SELECT COUNT(*) FROM visible_first").close();
      p.execute("CREATE TABLE visible_second (a INT)");
      p.execute("INSERT INTO visible_second VALUES (1), (2)");
      try (ResultSet rs = j.executeQuery("SELECT COUNT(*) FROM visible_second")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).as("a table created after the schema was listed").isEqualTo(2);
      }
    }
  }

  /** Each file starts from an empty database: the files reuse table names (t1, tab0) with other columns. */
  private static void emptySchema(Connection pg) throws SQLException {
    try (Statement s = pg.createStatement()) {
      s.execute("DROP SCHEMA public CASCADE");
      s.execute("CREATE SCHEMA public");
    }
  }

  private static String load(String resource) throws IOException {
    try (InputStream in = SqlLogicTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
