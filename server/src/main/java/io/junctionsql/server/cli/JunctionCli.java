package io.junctionsql.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code junction} command line. */
@Command(name = "junction", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "One SQL endpoint over SAP Datasphere and the lakehouse.",
    subcommands = {DemoCommand.class, SqlCommand.class, CatalogCommand.class})
public final class JunctionCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests). */
  public static int run(String... args) {
    return new CommandLine(new JunctionCli()).execute(args);
  }

  @Override public void run() {
    spec.commandLine().usage(System.out);
  }
}
