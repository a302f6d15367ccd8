package io.junctionsql.server.http;

import io.junctionsql.driver.fixtures.FederatedData;

import org.apache.calcite.avatica.remote.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One user cannot reach another's connections or statements, even knowing their ids: Avatica lets
 * clients choose connection ids and numbers statements in sequence, so guessing them is easy.
 */
class ServerIsolationIT {
  @TempDir static Path dir;
  static FederatedData data;
  static ServerFixture fixture;
  static AvaticaWire wire;
  static final String ALICE = AvaticaWire.basic("alice", ServerFixture.ALICE_PASSWORD);
  static final String BOB = AvaticaWire.basic("bob", ServerFixture.BOB_PASSWORD);

  @BeforeAll static void start() throws Exception {
    data = new FederatedData();
    fixture = ServerFixture.start(dir, "", "sources:\n  sap:\n    kind: jdbc\n    url: " + data.sapUrl
        + "\n    user: postgres\n");
    wire = new AvaticaWire(fixture.avaticaAddress());
  }

  @AfterAll static void stop() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
    data.close();
  }

  /** Alice's connection with a query whose rows span several frames; returns its statement id. */
  private static int aliceQuery(String connectionId) throws Exception {
    assertThat(wire.call(new Service.OpenConnectionRequest(connectionId, Map.of()), ALICE))
        .isInstanceOf(Service.OpenConnectionResponse.class);
    Service.Response created = wire.call(new Service.CreateStatementRequest(connectionId), ALICE);
    int statementId = ((Service.CreateStatementResponse) created).statementId;
    Service.Response executed = wire.call(new Service.PrepareAndExecuteRequest(connectionId, statementId,
        "SELECT order_id FROM sap.sales.orders ORDER BY order_id", -1, 10), ALICE);
    assertThat(executed).isInstanceOf(Service.ExecuteResponse.class);
    return statementId;
  }

  @Test void anotherUsersStatementCannotBeFetched() throws Exception {
    String aliceConnection = UUID.randomUUID().toString();
    int statement = aliceQuery(aliceConnection);

    Service.Response stolen = wire.call(new Service.FetchRequest(aliceConnection, statement, 10, 100), BOB);
    assertThat(stolen).as(String.valueOf(stolen)).isInstanceOf(Service.ErrorResponse.class);
    assertThat(((Service.ErrorResponse) stolen).errorMessage).contains("not found");

    // Bob's own connection, Alice's statement number: still nothing.
    String bobConnection = UUID.randomUUID().toString();
    wire.call(new Service.OpenConnectionRequest(bobConnection, Map.of()), BOB);
    Service.Response crossed = wire.call(new Service.FetchRequest(bobConnection, statement, 10, 100), BOB);
    assertThat(crossed).isInstanceOf(Service.ErrorResponse.class);

    // Alice still reads her rows from where she left off.
    Service.Response own = wire.call(new Service.FetchRequest(aliceConnection, statement, 10, 100), ALICE);
    assertThat(own).isInstanceOf(Service.FetchResponse.class);
    Object first = ((Service.FetchResponse) own).frame.rows.iterator().next();
    assertThat(first.toString()).contains("11");
  }

  @Test void anotherUsersConnectionCannotBeUsedOrClosed() throws Exception {
    String aliceConnection = UUID.randomUUID().toString();
    int statement = aliceQuery(aliceConnection);

    Service.Response stmt = wire.call(new Service.CreateStatementRequest(aliceConnection), BOB);
    assertThat(stmt).isInstanceOf(Service.ErrorResponse.class);
    assertThat(((Service.ErrorResponse) stmt).errorMessage).contains("Connection not found");

    Service.Response tables = wire.call(new Service.TablesRequest(aliceConnection, null, null, null, null), BOB);
    assertThat(tables).isInstanceOf(Service.ErrorResponse.class);

    wire.call(new Service.CloseConnectionRequest(aliceConnection), BOB);
    Service.Response stillOpen = wire.call(new Service.FetchRequest(aliceConnection, statement, 10, 5), ALICE);
    assertThat(stillOpen).as("Bob's close must not have closed Alice's connection")
        .isInstanceOf(Service.FetchResponse.class);

    Service.Response reused = wire.call(new Service.OpenConnectionRequest(aliceConnection, Map.of()), BOB);
    assertThat(reused).as("an id in use cannot be taken over").isInstanceOf(Service.ErrorResponse.class);
  }

  @Test void clientPropertiesCannotChooseTheUserOrTheConfig() throws Exception {
    String connection = UUID.randomUUID().toString();
    wire.call(new Service.OpenConnectionRequest(connection,
        Map.of("user", "alice", "config", "/etc/passwd")), BOB);
    int statement = ((Service.CreateStatementResponse) wire.call(new Service.CreateStatementRequest(connection), BOB))
        .statementId;
    Service.Response r = wire.call(new Service.PrepareAndExecuteRequest(connection, statement,
        "SELECT COUNT(*) FROM sap.sales.orders", -1, 10), BOB);
    assertThat(r).as("the server's config is used, not the client's").isInstanceOf(Service.ExecuteResponse.class);
    // The connection is Bob's, whatever 'user' said: Alice cannot use it.
    assertThat(wire.call(new Service.CreateStatementRequest(connection), ALICE))
        .isInstanceOf(Service.ErrorResponse.class);
  }
}
