package io.junctionsql.sparkfixture;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a fixture program in a JVM of its own, with Spark's class path (written by the build to
 * {@code spark-fixture/target/fixture-classpath.txt}), and waits for it within a time limit. Spark
 * never shares a class path with Junction's tests.
 */
public final class ForkedJvm {
  /** Opens that Spark 3.5 needs on Java 17, as its own launcher passes them. */
  private static final List<String> SPARK_JAVA_OPTIONS = List.of(
      "-XX:+IgnoreUnrecognizedVMOptions",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
      "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
      "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
      "-Djdk.reflect.useDirectMethodHandle=false");

  private ForkedJvm() {
  }

  /** A fixture program running in the background; {@link #close()} kills it and all it started. */
  public static final class Running implements AutoCloseable {
    private final Process process;
    private final Path log;

    Running(Process process, Path log) {
      this.process = process;
      this.log = log;
    }

    public long pid() {
      return process.pid();
    }

    public boolean isAlive() {
      return process.isAlive();
    }

    /** Waits until the program prints {@code marker}, fails if it dies or takes longer than the limit. */
    public void awaitOutput(String marker, long timeoutSeconds) throws IOException, InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
      while (System.nanoTime() < deadline) {
        String output = Files.readString(log);
        if (output.contains(marker)) {
          return;
        }
        if (!process.isAlive()) {
          throw new IllegalStateException("the fixture died (exit " + process.exitValue() + "):\n" + tail(output));
        }
        Thread.sleep(200);
      }
      close();
      throw new IllegalStateException("the fixture did not print " + marker + " within " + timeoutSeconds + " s");
    }

    @Override public void close() throws IOException {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Files.deleteIfExists(log);
    }
  }

  /** Starts {@code mainClass} in the background with Spark's class path. */
  public static Running start(Path fixtureDir, Class<?> mainClass, String... args) throws IOException {
    Path log = Files.createTempFile("spark-fixture", ".log");
    Process process = new ProcessBuilder(command(fixtureDir, mainClass, args)).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    return new Running(process, log);
  }

  /**
   * Runs {@code mainClass} with {@code args}; returns its output. Fails if it exits non-zero or
   * outlives {@code timeoutSeconds} (it is then killed).
   *
   * @param fixtureDir the spark-fixture module's folder (holding target/classes and the class path file)
   */
  public static String run(Path fixtureDir, Class<?> mainClass, long timeoutSeconds, String... args)
      throws IOException, InterruptedException {
    return run(fixtureDir, List.of(), List.of(), mainClass, timeoutSeconds, args);
  }

  /**
   * Like {@link #run(Path, Class, long, String...)}, with {@code extraClasspath} after Spark's own class
   * path (where a cluster library lands on Spark and Databricks: the runtime's classes win a clash) and
   * {@code jvmOptions} (system properties such as a logging config) before the main class.
   */
  public static String run(Path fixtureDir, List<Path> extraClasspath, List<String> jvmOptions, Class<?> mainClass,
      long timeoutSeconds, String... args) throws IOException, InterruptedException {
    List<String> command = command(fixtureDir, extraClasspath, jvmOptions, mainClass, args);
    Path log = Files.createTempFile("spark-fixture", ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new IllegalStateException(mainClass.getSimpleName() + " did not finish in " + timeoutSeconds
            + " s; its output is in " + log);
      }
      String output = Files.readString(log);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(mainClass.getSimpleName() + " failed with exit code "
            + process.exitValue() + ":\n" + tail(output));
      }
      return output;
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Files.deleteIfExists(log);
    }
  }

  private static List<String> command(Path fixtureDir, Class<?> mainClass, String... args) throws IOException {
    return command(fixtureDir, List.of(), List.of(), mainClass, args);
  }

  private static List<String> command(Path fixtureDir, List<Path> extraClasspath, List<String> jvmOptions,
      Class<?> mainClass, String... args) throws IOException {
    Path classpathFile = fixtureDir.resolve("target/fixture-classpath.txt");
    if (!Files.exists(classpathFile)) {
      throw new IllegalStateException(classpathFile + " is missing; build the spark-fixture module first");
    }
    String classpath = fixtureDir.resolve("target/classes") + File.pathSeparator
        + Files.readString(classpathFile).trim();
    for (Path extra : extraClasspath) {
      classpath += File.pathSeparator + extra;
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.addAll(SPARK_JAVA_OPTIONS);
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    return command;
  }

  private static String tail(String s) {
    return s.length() <= 8000 ? s : s.substring(s.length() - 8000);
  }
}
