package io.junctionsql.server.cli;

import io.junctionsql.driver.JunctionStatement;
import io.junctionsql.planner.runtime.SourceQuery;
import io.junctionsql.server.demo.DemoDataSet;
import io.junctionsql.server.demo.Showcase;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;

/** {@code junction demo}: builds the demo data on first run and runs the showcase queries. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Build the demo data set (first run) and run federated showcase queries.")
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--home", description = "Where the demo data lives (default: $JUNCTION_HOME/demo, "
      + "or ~/.junction/demo).")
  Path home;

  @Option(names = "--scale", defaultValue = "1", description = "Multiplies the demo's customers, sales orders and "
      + "campaign events (default: ${DEFAULT-VALUE}; 100 makes 2 million orders). A scale other than 1 lives in its "
      + "own default home, demo-s<scale>.")
  int scale;

  @Override public Integer call() throws Exception {
    PrintStream out = System.out;
    if (scale < 1) {
      System.err.println("junction demo: --scale must be at least 1, not " + scale);
      return 2;
    }
    Path base = defaultHome();
    DemoDataSet data = new DemoDataSet(home != null ? home
        : scale == 1 ? base : base.resolveSibling(base.getFileName() + "-s" + scale), scale);
    long start = System.nanoTime();
    if (data.ensureBuilt()) {
      out.printf("Built the demo data set in %s (%d ms).%n", data.home(), (System.nanoTime() - start) / 1_000_000);
    } else {
      out.println("Using the demo data set in " + data.home() + ".");
    }
    out.println("Gateway config: " + data.configFile());
    out.println();
    try (Connection c = DriverManager.getConnection("jdbc:junction:config=" + data.configFile());
         Statement s = c.createStatement()) {
      int n = 1;
      for (Showcase.Query q : Showcase.QUERIES) {
        out.println("== " + n++ + ". " + q.title());
        out.println(q.sql());
        out.println();
        if (q.refused()) {
          try (ResultSet rs = s.executeQuery(q.sql())) {
            TablePrinter.print(rs, out, 20);
          } catch (SQLException refused) {
            out.println("Refused (SQLState " + refused.getSQLState() + "): " + refused.getMessage());
            out.println();
            out.println("The space's CSN says NetAmount's currency is in column Currency, and the source's");
            out.println("semantics-mode is strict. Add o.Currency to the SELECT list and GROUP BY, as query 1 does.");
            out.println();
            continue;
          }
        } else {
          try (ResultSet rs = s.executeQuery(q.sql())) {
            TablePrinter.print(rs, out, 20);
          }
        }
        out.println();
        out.println("What each source received:");
        for (SourceQuery sq : s.unwrap(JunctionStatement.class).sourceQueries()) {
          out.println("  -- source " + sq.source());
          out.println("  " + sq.sql().replace("\n", "\n  "));
        }
        out.println();
      }
    } catch (SQLException e) {
      System.err.println("junction demo: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")");
      return 1;
    }
    out.println("Try your own queries: bin/junction sql --config " + data.configFile());
    return 0;
  }

  static Path defaultHome() {
    String env = System.getenv("JUNCTION_HOME");
    Path base = env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".junction");
    return base.resolve("demo");
  }
}
