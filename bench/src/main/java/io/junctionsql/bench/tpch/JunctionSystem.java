package io.junctionsql.bench.tpch;

import io.junctionsql.driver.JunctionConnection;
import io.junctionsql.planner.runtime.SourceQuery;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Junction's embedded driver over the federated layout: dimensions from PostgreSQL as source {@code sap},
 * facts from Delta as source {@code lake}; with or without its cross-source optimizations.
 */
final class JunctionSystem implements QuerySystem {
  private static final Pattern DELTA_READ = Pattern.compile("READ (\\d+) OF (\\d+) FILES, \\d+ ROWS .*, (\\d+) BYTES");

  private final String name;
  private final JunctionConnection connection;
  private final TpchDataSet data;
  private long mark;

  JunctionSystem(String name, Path config, TpchDataSet data, boolean crossSourceOptimizations) throws SQLException {
    this.name = name;
    this.data = data;
    Properties p = new Properties();
    if (!crossSourceOptimizations) {
      p.setProperty("optimizer.cross-source", "false");
    }
    Connection c = DriverManager.getConnection("jdbc:junction:config=" + config, p);
    this.connection = c.unwrap(JunctionConnection.class);
  }

  /** The gateway's config for a data set. */
  static String config(TpchDataSet data, SparkLake spark) {
    String sap = "sources:\n"
        + "  sap:\n    kind: jdbc\n    url: " + data.postgresUrl() + "\n    schemas: [" + data.schema() + "]\n"
        + "    fetch-size: 10000\n";
    if (spark != null) {
      return sap + "  lake:\n    kind: databricks\n    url: " + spark.url() + "\n    user: junction-bench\n"
          + "    driver-path: " + spark.hiveJar() + "\n    schemas: [" + data.schema() + "]\n    fetch-size: 10000\n";
    }
    return sap + "  lake:\n    kind: delta\n    location: " + data.lake().toUri() + "\n";
  }

  @Override public String name() {
    return name;
  }

  @Override public Connection connection() {
    return connection;
  }

  @Override public String table(String table) {
    return (TpchDataSet.FACTS.contains(table) ? "lake." : "sap.") + data.schema() + "." + table;
  }

  @Override public Map<String, SourceFigures> takeSourceFigures() throws SQLException {
    Map<String, SourceFigures> out = new HashMap<>();
    connection.takeRowsRead().forEach((source, rows) -> out.put(source, new SourceFigures(rows, -1, -1, -1)));
    List<SourceQuery> sent = connection.sourceQueries();
    for (SourceQuery q : sent) {
      if (q.sequence() <= mark) {
        continue;
      }
      Matcher m = DELTA_READ.matcher(q.sql());
      if (m.lookingAt()) {
        out.merge(q.source(), new SourceFigures(0, Long.parseLong(m.group(3)), Long.parseLong(m.group(1)),
            Long.parseLong(m.group(2))), SourceFigures::plus);
      }
    }
    if (!sent.isEmpty()) {
      mark = sent.get(sent.size() - 1).sequence();
    }
    return out;
  }

  @Override public void close() throws SQLException {
    connection.close();
  }
}
