package io.junctionsql.server.cli;

import io.junctionsql.planner.config.ConfigException;
import io.junctionsql.server.http.JunctionServer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code junction serve}: runs the Avatica server until the process is told to stop (SIGTERM, as
 * Kubernetes sends it), then drains running queries for the configured grace period.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the remote JDBC server (Avatica over HTTP, protobuf and JSON).")
final class ServeCommand implements Callable<Integer> {
  @Option(names = {"-c", "--config"}, required = true, description = "The gateway's YAML config file.")
  Path config;

  @Override public Integer call() throws Exception {
    JunctionServer server;
    try {
      server = JunctionServer.start(config);
    } catch (ConfigException e) {
      System.err.println("junction serve: " + e.getMessage());
      return 2;
    }
    System.out.println("Junction serves " + server.jdbcUrl("protobuf") .replace("127.0.0.1",
        server.config().host()) + " (management on port " + server.managementPort() + ")");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        System.out.println("Junction is stopping: running queries may finish within the shutdown grace period");
        server.close();
        System.out.println("Junction stopped");
      } catch (Exception e) {
        System.err.println("junction serve: stopping failed: " + e.getMessage());
      } finally {
        stopped.countDown();
      }
    }, "junction-shutdown"));
    stopped.await();
    return 0;
  }
}
