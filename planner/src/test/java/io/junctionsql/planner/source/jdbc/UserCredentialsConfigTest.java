package io.junctionsql.planner.source.jdbc;

import io.junctionsql.planner.config.ConfigException;
import io.junctionsql.planner.config.ConfigLoader;
import io.junctionsql.planner.config.GatewayConfig;
import io.junctionsql.planner.runtime.Redactor;
import io.junctionsql.planner.security.Identity;
import io.junctionsql.planner.source.SourceKinds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code user-credentials} keys of a jdbc source: how they are read, whom they map, and their errors. */
class UserCredentialsConfigTest {
  private static final String SOURCE = "sources:\n  sap:\n    kind: jdbc\n    url: jdbc:postgresql://db:5432/sales\n"
      + "    user: svc_junction\n    password: service-secret\n";

  @TempDir Path dir;

  private JdbcSourceConfig parse(String yaml, Map<String, String> env) {
    GatewayConfig c = new ConfigLoader(SourceKinds.parsers(), env).parse(dir.resolve("junction.yaml"), yaml, dir);
    return (JdbcSourceConfig) c.sources().get("sap");
  }

  private JdbcSourceConfig parse(String more) {
    return parse(SOURCE + more, Map.of());
  }

  private static Identity user(String name, String... groups) {
    return new Identity(name, Set.of(groups));
  }

  @Test void withoutTheKeysEveryoneUsesTheServiceLogin() {
    JdbcSourceConfig s = parse("");
    assertThat(s.userCredentials().required()).isFalse();
    assertThat(s.userCredentials().loginFor(user("alice", "finance"))).isEmpty();
    assertThat(s.serviceLogin().user()).isEqualTo("svc_junction");
  }

  @Test void readsUserAndGroupMappings() {
    JdbcSourceConfig s = parse(SOURCE + "    user-credentials:\n"
        + "      alice: {user: alice_db, password: \"${env:ALICE_PW}\"}\n"
        + "      \"group:finance\": {user: finance_reader, password: finance-secret}\n"
        + "    user-credentials-required: true\n", Map.of("ALICE_PW", "alice-secret"));
    UserCredentials c = s.userCredentials();
    assertThat(c.required()).isTrue();
    assertThat(c.users()).containsOnlyKeys("alice");
    assertThat(c.groups()).containsOnlyKeys("finance");
    SourceLogin alice = c.users().get("alice");
    assertThat(alice.user()).isEqualTo("alice_db");
    assertThat(alice.password().reveal()).isEqualTo("alice-secret");
    assertThat(alice.configKeys()).isEqualTo("sources.sap.user-credentials.alice");
    assertThat(c.groups().get("finance").configKeys()).isEqualTo("sources.sap.user-credentials.group:finance");
  }

  @Test void theUsersOwnEntryWinsOverGroupsAndTheFirstGroupInTheFileWins() {
    UserCredentials c = parse("    user-credentials:\n"
        + "      \"group:sales\": {user: sales_reader}\n"
        + "      alice: {user: alice_db}\n"
        + "      \"group:finance\": {user: finance_reader}\n").userCredentials();
    assertThat(c.loginFor(user("alice", "finance", "sales")).orElseThrow().user()).isEqualTo("alice_db");
    assertThat(c.loginFor(user("bob", "finance", "sales")).orElseThrow().user()).isEqualTo("sales_reader");
    assertThat(c.loginFor(user("carol", "finance")).orElseThrow().user()).isEqualTo("finance_reader");
    assertThat(c.loginFor(user("dave", "marketing"))).isEmpty();
    // A user name is matched exactly, and a group only as a group.
    assertThat(c.loginFor(user("Alice"))).isEmpty();
    assertThat(c.loginFor(user("finance"))).isEmpty();
  }

  @Test void mappedPasswordsAreSecretsTheRedactorScrubs() {
    JdbcSourceConfig s = parse("    user-credentials:\n"
        + "      alice: {user: alice_db, password: alice-secret}\n"
        + "      \"group:finance\": {user: finance_reader, password: finance-secret}\n");
    Redactor redactor = new Redactor(s.secrets());
    assertThat(redactor.scrub("alice-secret finance-secret service-secret")).isEqualTo("**** **** ****");
    assertThat(s.userCredentials().users().get("alice").toString()).doesNotContain("alice-secret");
  }

  @Test void refusesAnUnknownKeyInAMapping() {
    assertThatThrownBy(() -> parse("    user-credentials:\n      alice: {user: alice_db, pasword: x}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sources.sap.user-credentials.alice.pasword: unknown key for a user credential")
        .hasMessageContaining("Did you mean 'password'?");
    assertThatThrownBy(() -> parse("    user-credential:\n      alice: {user: alice_db}\n"))
        .hasMessageContaining("sources.sap.user-credential: unknown key")
        .hasMessageContaining("Did you mean 'user-credentials'?");
  }

  @Test void refusesMalformedMappings() {
    assertThatThrownBy(() -> parse("    user-credentials:\n      alice: {password: x}\n"))
        .hasMessageContaining("sources.sap.user-credentials.alice.user: missing");
    assertThatThrownBy(() -> parse("    user-credentials:\n      alice: alice_db\n"))
        .hasMessageContaining("sources.sap.user-credentials.alice: expected a mapping of keys");
    assertThatThrownBy(() -> parse("    user-credentials: [alice]\n"))
        .hasMessageContaining("sources.sap.user-credentials: expected a mapping of keys");
    assertThatThrownBy(() -> parse("    user-credentials:\n      \"group:\": {user: x}\n"))
        .hasMessageContaining("sources.sap.user-credentials.group:: names no group");
  }

  @Test void refusesARequirementNothingCanMeet() {
    assertThatThrownBy(() -> parse("    user-credentials-required: true\n"))
        .hasMessageContaining("sources.sap.user-credentials-required: true, but sources.sap.user-credentials maps "
            + "no user or group");
    assertThatThrownBy(() -> parse("    user-credentials:\n      alice: {user: a}\n"
        + "    user-credentials-required: sometimes\n"))
        .hasMessageContaining("sources.sap.user-credentials-required: 'sometimes' is not true or false");
  }

  @Test void aMissingPasswordReferenceNamesTheMappingsKey() {
    assertThatThrownBy(() -> parse("    user-credentials:\n      alice: {user: a, password: \"${env:NOPE}\"}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sources.sap.user-credentials.alice.password");
  }

  @Test void theRefusalNamesTheSourceAndTheKeys() {
    UserCredentials c = parse("    user-credentials:\n      alice: {user: a}\n    user-credentials-required: true\n")
        .userCredentials();
    assertThat(c.refusal("sap", user("bob")))
        .hasMessageContaining("User 'bob' has no login for source 'sap'")
        .hasMessageContaining("sources.sap.user-credentials-required is true")
        .extracting(e -> e.sqlState()).isEqualTo("28000");
  }
}
