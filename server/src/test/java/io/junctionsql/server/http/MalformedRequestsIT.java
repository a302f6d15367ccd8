package io.junctionsql.server.http;

import io.junctionsql.driver.fixtures.FederatedData;

import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;
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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Broken, oversized, unauthenticated and misdirected requests get clear answers, while a well-behaved
 * client keeps running queries on the same server the whole time without a single error.
 */
class MalformedRequestsIT {
  @TempDir static Path dir;
  static FederatedData data;
  static ServerFixture fixture;
  static AvaticaWire wire;
  static final String ALICE = AvaticaWire.basic("alice", ServerFixture.ALICE_PASSWORD);

  static final AtomicBoolean running = new AtomicBoolean(true);
  static final AtomicInteger served = new AtomicInteger();
  static final AtomicReference<Throwable> bystanderFailure = new AtomicReference<>();
  static Thread bystander;

  @BeforeAll static void start() throws Exception {
    data = new FederatedData();
    fixture = ServerFixture.start(dir, "  limits:\n    max_request_bytes: 65536\n",
        "sources:\n  sap:\n    kind: jdbc\n    url: " + data.sapUrl + "\n    user: postgres\n");
    wire = new AvaticaWire(fixture.avaticaAddress());
    bystander = new Thread(() -> {
      try (Connection c = fixture.connect("protobuf", "bob", ServerFixture.BOB_PASSWORD);
           Statement s = c.createStatement()) {
        while (running.get()) {
          try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sap.master.customers")) {
            rs.next();
            if (rs.getInt(1) != FederatedData.CUSTOMERS) {
              throw new AssertionError("wrong count " + rs.getInt(1));
            }
            served.incrementAndGet();
          }
        }
      } catch (Throwable e) {
        bystanderFailure.set(e);
      }
    }, "bystander");
    bystander.start();
    // The tests start once the bystander is served, so that its queries run beside theirs.
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (served.get() == 0 && bystanderFailure.get() == null && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    servedBefore = served.get();
  }

  static int servedBefore;

  @AfterAll static void stop() throws Exception {
    running.set(false);
    if (bystander != null) {
      bystander.join(30_000);
    }
    try {
      assertThat(bystanderFailure.get()).as("the well-behaved client saw no error").isNull();
      assertThat(served.get() - servedBefore).as("the well-behaved client was served while the tests ran")
          .isGreaterThan(2);
    } finally {
      if (fixture != null) {
        fixture.close();
      }
      data.close();
    }
  }

  @Test void brokenProtobufGetsAnErrorResponse() throws Exception {
    byte[] garbage = new byte[512];
    new Random(7).nextBytes(garbage);
    garbage[0] = 0x0A;
    HttpResponse<byte[]> r = wire.post(garbage, ALICE);
    assertThat(r.statusCode()).isEqualTo(500);
    Service.Response decoded = new ProtobufTranslationImpl().parseResponse(r.body());
    assertThat(decoded).isInstanceOf(Service.ErrorResponse.class);
  }

  @Test void brokenJsonGetsAnErrorResponse() throws Exception {
    HttpResponse<byte[]> r = wire.post("{\"request\": \"openConnection\", ".getBytes(StandardCharsets.UTF_8), ALICE);
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("\"response\":\"error\"");
  }

  @Test void oversizedBodyIsRefusedBeforeBeingRead() throws Exception {
    byte[] big = new byte[200_000];
    big[0] = '{';
    HttpResponse<byte[]> r = wire.post(big, ALICE);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("max_request_bytes");
  }

  @Test void unknownConnectionIdIsReported() throws Exception {
    Service.Response r = wire.call(new Service.CreateStatementRequest("no-such-connection"), ALICE);
    assertThat(r).isInstanceOf(Service.ErrorResponse.class);
    assertThat(((Service.ErrorResponse) r).errorMessage).contains("Connection not found");
  }

  @Test void unauthenticatedRequestIsChallenged() throws Exception {
    HttpResponse<byte[]> r = wire.post("{}".getBytes(StandardCharsets.UTF_8), null);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("Basic"));
  }

  @Test void getIsNotAnAvaticaRequest() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(fixture.avaticaAddress())).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.body()).contains("jdbc:avatica:remote");
  }

  @Test void sqlThatDoesNotParseIsASyntaxErrorOnEitherSerialization() throws Exception {
    for (String serialization : new String[] {"protobuf", "json"}) {
      try (Connection c = fixture.alice(serialization); Statement s = c.createStatement()) {
        assertThatThrownBy(() -> s.executeQuery("SELEC order_id FROM sap.sales.orders"))
            .isInstanceOfSatisfying(SQLException.class, e -> {
              assertThat(e.getSQLState()).isEqualTo("42601");
              assertThat(e.getMessage()).contains("SELEC");
            });
        // The connection stays usable after the error.
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sap.master.products")) {
          rs.next();
          assertThat(rs.getInt(1)).isEqualTo(FederatedData.PRODUCTS);
        }
      }
    }
  }
}
