package io.junctionsql.server.cli;

import io.junctionsql.planner.JunctionException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.sql.SQLException;

/** The {@code junction} command line. */
@Command(name = "junction", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "One SQL endpoint over SAP Datasphere and the lakehouse.",
    subcommands = {ServeCommand.class, DemoCommand.class, SqlCommand.class, CatalogCommand.class,
        PasswdCommand.class})
public final class JunctionCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests). */
  public static int run(String... args) {
    return new CommandLine(new JunctionCli())
        .setExecutionExceptionHandler(JunctionCli::report)
        .execute(args);
  }

  /** Failures a user can act on get their message, not a stack trace. */
  private static int report(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
    if (e instanceof JunctionException) {
      command.getErr().println("junction " + command.getCommandName() + ": " + e.getMessage()
          + " (SQLState " + ((JunctionException) e).sqlState() + ")");
      return 1;
    }
    if (e instanceof SQLException) {
      command.getErr().println("junction " + command.getCommandName() + ": " + e.getMessage()
          + " (SQLState " + ((SQLException) e).getSQLState() + ")");
      return 1;
    }
    throw e;
  }

  @Override public void run() {
    spec.commandLine().usage(System.out);
  }
}
