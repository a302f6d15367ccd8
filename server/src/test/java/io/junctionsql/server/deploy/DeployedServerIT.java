package io.junctionsql.server.deploy;

import io.junctionsql.server.auth.PasswordHash;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Writer;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped manifests agree with a running server: {@code junction serve} started as the image starts
 * it (its own JVM, the Deployment's environment, the ConfigMap's config with every mounted folder moved
 * under a temporary directory) answers the probes on the management port the Deployment names, keeps
 * them off the Avatica port, reads the secret the Deployment passes, and stops on SIGTERM.
 */
class DeployedServerIT {
  @TempDir Path dir;

  @Test void probesAnswerOnTheManifestsPortsAndTheServerStopsOnSigterm() throws Exception {
    DeployManifests manifests = DeployManifests.kubernetes();
    Path root = dir.resolve("root");
    String config = manifests.configYaml();
    // Each mount becomes a folder under root; the config's paths move with it (through placeholders, so
    // that a mount such as /tmp does not move a path twice).
    Map<String, Path> moved = new java.util.LinkedHashMap<>();
    for (String mount : manifests.mountPaths().keySet()) {
      Path local = root.resolve(mount.substring(1));
      Files.createDirectories(mount.equals(DeployManifests.CONFIG_PATH) ? local.getParent() : local);
      String token = "@@mount" + moved.size() + "@@";
      config = config.replace(mount, token);
      moved.put(token, local);
    }
    for (Map.Entry<String, Path> m : moved.entrySet()) {
      config = config.replace(m.getKey(), m.getValue().toString());
    }
    config = config.replace("file:///data/lake", root.resolve("data/lake").toUri().toString());
    Files.createDirectories(root.resolve("data/lake"));
    writeTls(root.resolve("etc/junction/tls"));
    Files.writeString(root.resolve("etc/junction/users/users.yaml"), "users:\n  analyst:\n    password: \""
        + PasswordHash.hash("s3cret-pass".toCharArray(), 1000) + "\"\n    groups: [analysts]\n");
    // Only the ports move, to free ones, so that the test can run beside anything else on the machine.
    config = config.replace("port: " + manifests.port(), "port: 0")
        .replace("management_port: " + manifests.managementPort(), "management_port: 0");
    Path configFile = root.resolve("etc/junction/junction.yaml");
    Files.writeString(configFile, config);

    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.junctionsql.server.cli.JunctionCli",
        "serve", "--config", configFile.toString());
    pb.environment().putAll(manifests.secretEnvironment());
    pb.redirectErrorStream(true);
    Path log = dir.resolve("server.log");
    pb.redirectOutput(log.toFile());
    Process server = pb.start();
    try {
      int management = awaitManagementPort(log, server);
      HttpClient http = HttpClient.newHttpClient();
      DeployManifests.Probes probes = manifests.probePaths();
      HttpResponse<String> live = get(http, management, probes.liveness());
      assertThat(live.statusCode()).isEqualTo(200);
      HttpResponse<String> ready = get(http, management, probes.readiness());
      // The example's PostgreSQL host does not exist here: readiness must say so, naming the source.
      assertThat(ready.statusCode()).isEqualTo(503);
      Map<String, Object> body = new ObjectMapper().readValue(ready.body(),
          new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
      @SuppressWarnings("unchecked")
      Map<String, Object> sources = (Map<String, Object>) body.get("sources");
      assertThat(sources).containsKeys("sales", "lake");
      assertThat(sources.get("lake")).isEqualTo("ok");
      assertThat(ready.body()).doesNotContain("REPLACE_ME").as("the secret never shows");
      assertThat(get(http, management, "/metrics").body()).contains("junction_connections_open");
      assertThat(Files.readString(log)).doesNotContain("REPLACE_ME");

      server.destroy(); // SIGTERM, as the kubelet sends it
      assertThat(server.waitFor(manifests.shutdownGrace().toSeconds() + 10, TimeUnit.SECONDS))
          .as("stopped within the grace period").isTrue();
      assertThat(Files.readString(log)).contains("Junction stopped");
    } finally {
      server.destroyForcibly();
    }
  }

  private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The management port the server printed once it listens. */
  private static int awaitManagementPort(Path log, Process server) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new AssertionError("junction serve exited: " + Files.readString(log));
      }
      if (Files.exists(log)) {
        for (String line : Files.readAllLines(log)) {
          int at = line.indexOf("(management on port ");
          if (at >= 0) {
            return Integer.parseInt(line.substring(at + 20, line.indexOf(')', at)));
          }
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("junction serve did not start in 60 s: " + Files.readString(log));
  }

  private static void writeTls(Path folder) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    X500Name name = new X500Name("CN=junction");
    Instant now = Instant.now();
    var cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
        BigInteger.ONE, Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(3600)), name, keys.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    try (Writer w = Files.newBufferedWriter(folder.resolve("tls.crt")); JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(cert);
    }
    try (Writer w = Files.newBufferedWriter(folder.resolve("tls.key")); JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(keys.getPrivate());
    }
  }
}
