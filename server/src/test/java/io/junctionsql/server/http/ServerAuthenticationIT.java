package io.junctionsql.server.http;

import io.junctionsql.driver.fixtures.FederatedData;
import io.junctionsql.server.auth.TestIssuer;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server over real HTTPS on 127.0.0.1: a certificate made in the test, Basic authentication against
 * the users file, and JWTs signed by an issuer made in the test (its keys served over HTTP).
 */
class ServerAuthenticationIT {
  @TempDir static Path dir;
  static FederatedData data;
  static TestCertificates certificates;
  static TestIssuer issuer;
  static ServerFixture fixture;

  @BeforeAll static void start() throws Exception {
    data = new FederatedData();
    certificates = new TestCertificates(dir);
    issuer = new TestIssuer();
    fixture = ServerFixture.start(dir,
        // The refusals the tests provoke must not throttle the others (the throttle has its own test).
        "    jwt:\n      issuer: " + issuer.url() + "\n      audience: junction\n"
            + "    throttle:\n      max_failures: 1000\n"
            + "  tls:\n    certificate: " + certificates.certificate + "\n    private_key: "
            + certificates.privateKeyPkcs1 + "\n",
        "sources:\n  sap:\n    kind: jdbc\n    url: " + data.sapUrl + "\n    user: postgres\n");
  }

  @AfterAll static void stop() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
    if (issuer != null) {
      issuer.close();
    }
    data.close();
  }

  private static Map<String, String> trust() {
    return Map.of("truststore", certificates.truststore.toString(), "truststore_password",
        TestCertificates.TRUSTSTORE_PASSWORD);
  }

  private static long customers(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sap.master.customers")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test void basicOverTlsIsAcceptedOnBothSerializations() throws Exception {
    assertThat(fixture.url("protobuf")).startsWith("jdbc:avatica:remote:url=https://");
    for (String serialization : new String[] {"protobuf", "json"}) {
      try (Connection c = fixture.connect(serialization, "alice", ServerFixture.ALICE_PASSWORD, trust())) {
        assertThat(customers(c)).isEqualTo(FederatedData.CUSTOMERS);
      }
    }
  }

  @Test void aWrongPasswordIsRefusedWithSqlState28000SayingWhy() {
    for (String serialization : new String[] {"protobuf", "json"}) {
      assertThatThrownBy(() -> {
        try (Connection c = fixture.connect(serialization, "alice", "not-her-password", trust())) {
          customers(c);
        }
      })
          // Avatica's client reports an error on opening the connection as its own runtime exception,
          // carrying the server's SQLState and message.
          .isInstanceOfSatisfying(org.apache.calcite.avatica.AvaticaClientRuntimeException.class, e -> {
            assertThat(e.getSqlState()).isEqualTo("28000");
            assertThat(e.getMessage()).contains("wrong password").doesNotContain("not-her-password");
          });
    }
  }

  @Test void aClientThatDoesNotTrustTheCertificateCannotConnect() {
    assertThatThrownBy(() -> {
      try (Connection c = fixture.connect("protobuf", "alice", ServerFixture.ALICE_PASSWORD)) {
        customers(c);
      }
    }).hasStackTraceContaining("PKIX");
  }

  @Test void plainHttpOnTheTlsPortGetsNoAnswer() {
    String plain = "http://127.0.0.1:" + fixture.server.port() + "/";
    assertThatThrownBy(() -> new AvaticaWire(plain).post("{}".getBytes(StandardCharsets.UTF_8),
        AvaticaWire.basic("alice", ServerFixture.ALICE_PASSWORD)))
        .isInstanceOf(java.io.IOException.class);
  }

  /** Raw HTTPS to the Avatica port with a bearer token: the status, and the message for a refusal. */
  private static HttpResponse<String> withToken(String token) throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
    try (var in = java.nio.file.Files.newInputStream(certificates.truststore)) {
      trust.load(in, TestCertificates.TRUSTSTORE_PASSWORD.toCharArray());
    }
    javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
    tmf.init(trust);
    tls.init(null, tmf.getTrustManagers(), new SecureRandom());
    HttpClient http = HttpClient.newBuilder().sslContext(tls).build();
    String open = "{\"request\":\"openConnection\",\"connectionId\":\"" + UUID.randomUUID() + "\"}";
    return http.send(HttpRequest.newBuilder(URI.create(fixture.avaticaAddress()))
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(open)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test void aValidTokenIsAcceptedThroughTheJdbcClient() throws Exception {
    String token = issuer.rs256(issuer.claims().build());
    assertThat(withToken(token).statusCode()).isEqualTo(200);
    Map<String, String> bearer = new java.util.HashMap<>(trust());
    bearer.put("bearer_token", token);
    java.util.Properties p = new java.util.Properties();
    p.putAll(bearer);
    p.setProperty("authentication", "BEARER");
    try (Connection c = java.sql.DriverManager.getConnection(fixture.url("protobuf"), p)) {
      assertThat(customers(c)).isEqualTo(FederatedData.CUSTOMERS);
    }
  }

  @Test void anExpiredTokenIsRefused() throws Exception {
    long now = System.currentTimeMillis();
    String token = issuer.rs256(issuer.claims().expirationTime(new Date(now - 3_600_000)).build());
    HttpResponse<String> r = withToken(token);
    // A refused credential comes back as Avatica's error (what its client shows as an SQLException).
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).contains("\"sqlState\":\"28000\"");
    assertThat(r.body()).containsIgnoringCase("expired");
  }

  @Test void aTokenSignedByAnotherKeyIsRefused() throws Exception {
    var stranger = new RSAKeyGenerator(2048).keyID("rsa1").generate();
    String token = TestIssuer.sign(issuer.claims().build(), stranger, JWSAlgorithm.RS256);
    HttpResponse<String> r = withToken(token);
    // A refused credential comes back as Avatica's error (what its client shows as an SQLException).
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).contains("\"sqlState\":\"28000\"");
    assertThat(r.body()).containsIgnoringCase("signature");
  }

  @Test void aTokenForAnotherAudienceIsRefused() throws Exception {
    String token = issuer.rs256(issuer.claims().audience("another-service").build());
    HttpResponse<String> r = withToken(token);
    // A refused credential comes back as Avatica's error (what its client shows as an SQLException).
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).contains("\"sqlState\":\"28000\"");
    assertThat(r.body()).containsIgnoringCase("audience");
  }

  @Test void repeatedFailuresFromOneClientAreSlowedDown(@TempDir Path other) throws Exception {
    try (ServerFixture strict = ServerFixture.start(other, "    throttle:\n      max_failures: 3\n",
        "sources:\n  sap:\n    kind: jdbc\n    url: " + data.sapUrl + "\n    user: postgres\n")) {
      AvaticaWire wire = new AvaticaWire(strict.avaticaAddress());
      byte[] open = ("{\"request\":\"openConnection\",\"connectionId\":\"" + UUID.randomUUID() + "\"}")
          .getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 3; i++) {
        assertThat(wire.post(open, AvaticaWire.basic("alice", "guess-" + i)).statusCode()).isEqualTo(500);
      }
      HttpResponse<byte[]> throttled = wire.post(open, AvaticaWire.basic("alice", ServerFixture.ALICE_PASSWORD));
      assertThat(throttled.statusCode()).as("even the right password waits out the delay").isEqualTo(500);
      assertThat(new String(throttled.body(), StandardCharsets.UTF_8)).contains("28000");
      assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    }
  }

  @Test void behindAProxyTheThrottleCountsTheForwardedClientAndOtherwiseIgnoresTheHeader(@TempDir Path other)
      throws Exception {
    String sources = "sources:\n  sap:\n    kind: jdbc\n    url: " + data.sapUrl + "\n    user: postgres\n";
    byte[] open = ("{\"request\":\"openConnection\",\"connectionId\":\"" + UUID.randomUUID() + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    String right = AvaticaWire.basic("alice", ServerFixture.ALICE_PASSWORD);
    try (ServerFixture proxied = ServerFixture.start(other.resolve("a"),
        "    throttle:\n      max_failures: 2\n  behind_proxy: true\n", sources)) {
      AvaticaWire wire = new AvaticaWire(proxied.avaticaAddress());
      for (int i = 0; i < 2; i++) {
        wire.post(open, AvaticaWire.basic("alice", "guess-" + i), "10.0.0.1");
      }
      assertThat(wire.post(open, right, "10.0.0.1").headers().firstValue("Retry-After")).as("throttled").isPresent();
      assertThat(wire.post(open, right, "10.0.0.2").statusCode()).as("another client behind the same proxy")
          .isEqualTo(200);
    }
    try (ServerFixture direct = ServerFixture.start(other.resolve("b"),
        "    throttle:\n      max_failures: 2\n", sources)) {
      AvaticaWire wire = new AvaticaWire(direct.avaticaAddress());
      for (int i = 0; i < 2; i++) {
        wire.post(open, AvaticaWire.basic("alice", "guess-" + i), "10.0.0." + (10 + i));
      }
      assertThat(wire.post(open, right, "10.0.0.99").headers().firstValue("Retry-After"))
          .as("without a proxy a client cannot dodge the throttle by naming another address").isPresent();
    }
  }
}
