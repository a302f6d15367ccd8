package io.junctionsql.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code junction sql}: an interactive SQL shell (sqlline) on the embedded driver. */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "Interactive SQL shell on the embedded driver (sqlline).")
final class SqlCommand implements Callable<Integer> {
  @Option(names = {"-c", "--config"}, required = true, description = "The gateway's YAML config file.")
  Path config;

  @Option(names = {"-e", "--execute"}, description = "Run this SQL and exit instead of starting the shell.")
  String execute;

  @Override public Integer call() throws IOException {
    List<String> args = new ArrayList<>(List.of(
        "-u", "jdbc:junction:config=" + config.toAbsolutePath(),
        "-n", "", "-p", "",
        "-d", "io.junctionsql.driver.JunctionDriver",
        "--isolation=TRANSACTION_NONE",
        "--connectInteractionMode=notAskCredentials"));
    if (execute != null) {
      args.addAll(List.of("-e", execute));
    }
    sqlline.SqlLine.Status status = sqlline.SqlLine.start(args.toArray(new String[0]), null, true);
    return status == sqlline.SqlLine.Status.OK ? 0 : 1;
  }
}
