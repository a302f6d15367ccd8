package io.junctionsql.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code junction sql}: an interactive SQL shell (sqlline) on the embedded driver, or, with
 * {@code -e}, one statement whose rows are printed as a table.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "Interactive SQL shell on the embedded driver (sqlline), or run one statement with -e.")
final class SqlCommand implements Callable<Integer> {
  /** Table width when there is no terminal to measure. */
  private static final int PIPED_WIDTH = 200;
  private static final int MAX_PRINTED_ROWS = 1000;

  @Option(names = {"-c", "--config"}, required = true, description = "The gateway's YAML config file.")
  Path config;

  @Option(names = {"-e", "--execute"}, description = "Run this statement, print its rows and exit.")
  String execute;

  @Override public Integer call() throws IOException {
    String url = "jdbc:junction:config=" + config.toAbsolutePath();
    if (execute != null) {
      return executeOnce(url);
    }
    List<String> args = new ArrayList<>(List.of("-u", url, "-n", "", "-p", "",
        "-d", "io.junctionsql.driver.JunctionDriver",
        "--isolation=TRANSACTION_NONE",
        "--connectInteractionMode=notAskCredentials"));
    if (System.console() == null) {
      // Piped or scripted: no terminal to size tables by, and no need for JLine to say so.
      System.setProperty("org.jline.terminal.dumb", "true");
      args.add("--maxWidth=" + PIPED_WIDTH);
    }
    sqlline.SqlLine.Status status = sqlline.SqlLine.start(args.toArray(new String[0]), null, true);
    return status == sqlline.SqlLine.Status.OK ? 0 : 1;
  }

  private int executeOnce(String url) {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      if (s.execute(execute)) {
        try (ResultSet rs = s.getResultSet()) {
          TablePrinter.print(rs, System.out, MAX_PRINTED_ROWS);
        }
      }
      return 0;
    } catch (SQLException e) {
      System.err.println("junction sql: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")");
      return 1;
    }
  }
}
