package io.junctionsql.server.cli;

import io.junctionsql.server.auth.PasswordHash;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * {@code junction passwd}: hashes a password for the server's users file. The password is read without
 * echo from the console (twice, to catch a typo) or, for scripts, from the first line of standard input;
 * it is never taken from the command line, where it would land in the shell history and the process list.
 */
@Command(name = "passwd", mixinStandardHelpOptions = true,
    description = "Hash a password for the server's users file (server.auth.basic.users_file).")
final class PasswdCommand implements Callable<Integer> {
  @Option(names = "--stdin", description = "Read the password from the first line of standard input.")
  boolean stdin;

  @Option(names = "--iterations", description = "PBKDF2 iterations (default ${DEFAULT-VALUE}).")
  int iterations = PasswordHash.DEFAULT_ITERATIONS;

  private static final int MIN_ITERATIONS = 100_000;

  @Override public Integer call() throws IOException {
    if (iterations < MIN_ITERATIONS) {
      System.err.println("junction passwd: --iterations must be at least " + MIN_ITERATIONS + ".");
      return 1;
    }
    char[] password = stdin ? fromStdin() : fromConsole();
    if (password == null) {
      return 1;
    }
    try {
      if (password.length == 0) {
        System.err.println("junction passwd: the password is empty; choose one.");
        return 1;
      }
      System.out.println(PasswordHash.hash(password, iterations));
      if (!stdin) {
        System.err.println("Put this line as the user's password in the users file, in quotes:\n"
            + "users:\n  alice:\n    password: \"pbkdf2-sha256$...\"\n    groups: [analysts]");
      }
      return 0;
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static char[] fromStdin() throws IOException {
    // Not closed: closing would close System.in for the rest of the process.
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = in.readLine();
    return line == null ? new char[0] : line.toCharArray();
  }

  private static char[] fromConsole() {
    Console console = System.console();
    if (console == null) {
      System.err.println("junction passwd: no console to read the password from without echo; "
          + "pipe it in and pass --stdin.");
      return null;
    }
    char[] first = console.readPassword("Password: ");
    char[] second = console.readPassword("Repeat it: ");
    if (first == null || second == null || !Arrays.equals(first, second)) {
      System.err.println("junction passwd: the two passwords differ; nothing was hashed. Run it again.");
      if (first != null) {
        Arrays.fill(first, '\0');
      }
      return null;
    }
    Arrays.fill(second, '\0');
    return first;
  }
}
