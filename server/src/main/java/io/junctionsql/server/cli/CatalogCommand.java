package io.junctionsql.server.cli;

import io.junctionsql.planner.Gateway;
import io.junctionsql.planner.source.Source;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code junction catalog}: the sources, their schemas, tables and columns, as clients see them. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
    description = "List sources, schemas, tables and columns.")
final class CatalogCommand implements Callable<Integer> {
  @Option(names = {"-c", "--config"}, required = true, description = "The gateway's YAML config file.")
  Path config;

  @Option(names = {"-s", "--source"}, description = "Only this source.")
  String source;

  @Option(names = "--no-columns", description = "Tables only, without their columns.")
  boolean noColumns;

  @Override public Integer call() throws SQLException {
    PrintStream out = System.out;
    try (Gateway gateway = Gateway.open(config);
         Connection c = DriverManager.getConnection("jdbc:junction:config=" + config.toAbsolutePath())) {
      DatabaseMetaData md = c.getMetaData();
      for (Source s : gateway.sources().values()) {
        if (source != null && !s.name().equalsIgnoreCase(source)) {
          continue;
        }
        out.println("source " + s.name() + " (kind " + s.kind() + ", " + s.describe() + ")");
        try (ResultSet schemas = md.getSchemas(s.name(), null)) {
          while (schemas.next()) {
            listSchema(md, s.name(), schemas.getString("TABLE_SCHEM"), out);
          }
        }
      }
    } catch (SQLException e) {
      System.err.println("junction catalog: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")");
      return 1;
    }
    return 0;
  }

  private void listSchema(DatabaseMetaData md, String source, String schema, PrintStream out)
      throws SQLException {
    out.println("  schema " + source + "." + schema);
    try (ResultSet tables = md.getTables(source, escape(schema), "%", null)) {
      while (tables.next()) {
        String table = tables.getString("TABLE_NAME");
        out.println("    " + tables.getString("TABLE_TYPE").toLowerCase(Locale.ROOT) + " " + table);
        if (!noColumns) {
          try (ResultSet columns = md.getColumns(source, escape(schema), escape(table), "%")) {
            while (columns.next()) {
              out.println("      " + columns.getString("COLUMN_NAME") + " " + columns.getString("TYPE_NAME")
                  + ("NO".equals(columns.getString("IS_NULLABLE")) ? " NOT NULL" : ""));
            }
          }
        }
      }
    }
  }

  /** Metadata calls take patterns: a name's own '_' and '%' must match only themselves. */
  private static String escape(String name) {
    return name.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%");
  }
}
