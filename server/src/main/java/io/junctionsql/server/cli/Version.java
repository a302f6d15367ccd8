package io.junctionsql.server.cli;

import picocli.CommandLine;

/** The version printed by {@code junction --version}. */
final class Version implements CommandLine.IVersionProvider {
  @Override public String[] getVersion() {
    String v = JunctionCli.class.getPackage().getImplementationVersion();
    return new String[] {"junction " + (v == null ? "development build" : v)};
  }
}
