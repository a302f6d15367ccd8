package io.junctionsql.planner.source.databricks;

import io.junctionsql.planner.config.ConfigLoader;
import io.junctionsql.planner.config.GatewayConfig;
import io.junctionsql.planner.source.SourceKinds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a databricks source's settings become the official driver's URL and properties. */
class DatabricksSourceConfigTest {
  @TempDir Path dir;

  private DatabricksSourceConfig parse(String body, Map<String, String> env) {
    GatewayConfig c = new ConfigLoader(SourceKinds.parsers(), env).parse(dir.resolve("j.yaml"),
        "sources:\n  lake:\n    kind: databricks\n" + body, dir);
    return (DatabricksSourceConfig) c.sources().get("lake");
  }

  @Test void personalAccessTokenGoesInPropertiesNotTheUrl() {
    DatabricksSourceConfig c = parse("    host: https://dbc-1234.cloud.databricks.com/\n"
        + "    http-path: /sql/1.0/warehouses/abc123\n    token: ${env:DATABRICKS_TOKEN}\n    catalog: main\n",
        Map.of("DATABRICKS_TOKEN", "dapi-secret-token-value"));
    assertThat(c.url()).isEqualTo("jdbc:databricks://dbc-1234.cloud.databricks.com:443/default;transportMode=http;"
        + "ssl=1;httpPath=/sql/1.0/warehouses/abc123").doesNotContain("dapi");
    assertThat(c.jdbc().driver()).isEqualTo("com.databricks.client.jdbc.Driver");
    assertThat(c.jdbc().user()).isEqualTo("token");
    assertThat(c.jdbc().password().reveal()).isEqualTo("dapi-secret-token-value");
    assertThat(c.jdbc().properties()).containsEntry("AuthMech", "3").containsEntry("ConnCatalog", "main")
        .containsEntry("supportManyParameters", "1").doesNotContainValue("dapi-secret-token-value");
    assertThat(c.auth().method()).isEqualTo("token");
    assertThat(c.secrets()).anyMatch(s -> s.reveal().equals("dapi-secret-token-value"));
    assertThat(new DatabricksFlavor(c).remoteName("sales", "orders")).containsExactly("main", "sales", "orders");
  }

  @Test void oauthMachineToMachineUsesTheServicePrincipal() {
    DatabricksSourceConfig c = parse("    host: adb-1.azuredatabricks.net\n    port: 8443\n"
        + "    http-path: /sql/1.0/warehouses/x\n    client-id: 0f1e-app\n    client-secret: ${env:SP_SECRET}\n",
        Map.of("SP_SECRET", "sp-secret-value"));
    assertThat(c.url()).startsWith("jdbc:databricks://adb-1.azuredatabricks.net:8443/");
    assertThat(c.jdbc().properties()).containsEntry("AuthMech", "11").containsEntry("Auth_Flow", "1")
        .containsEntry("OAuth2ClientId", "0f1e-app").containsEntry("OAuth2Secret", "sp-secret-value");
    assertThat(c.auth().method()).isEqualTo("oauth-m2m");
    assertThat(c.secrets()).anyMatch(s -> s.reveal().equals("sp-secret-value"));
  }

  @Test void sparkThriftServerUrlsTakeAPlainLogin() {
    DatabricksSourceConfig c = parse("    url: jdbc:hive2://127.0.0.1:10000/default\n    user: analyst\n", Map.of());
    assertThat(c.jdbc().driver()).isEqualTo("org.apache.hive.jdbc.HiveDriver");
    assertThat(c.auth().method()).isEqualTo("user");
    assertThat(c.jdbc().user()).isEqualTo("analyst");
    assertThat(new DatabricksFlavor(c).remoteName("default", "t")).containsExactly("default", "t");
    assertThat(c.jdbc().properties()).as("Hive's driver writes parameters into the SQL by itself")
        .doesNotContainKey("supportManyParameters");
  }

  /**
   * Databricks takes at most 256 native parameters per statement, fewer than a semi-join reduction's batch of
   * keys: the official driver is told to write them into the SQL, unless the config says otherwise.
   */
  @Test void theOfficialDriverWritesParametersIntoTheSqlUnlessConfiguredOtherwise() {
    String source = "    host: adb-1.azuredatabricks.net\n    http-path: /sql/1.0/warehouses/x\n    token: t\n";
    assertThat(parse(source, Map.of()).jdbc().properties()).containsEntry("supportManyParameters", "1");
    assertThat(parse(source + "    properties:\n      supportManyParameters: \"0\"\n", Map.of()).jdbc().properties())
        .containsEntry("supportManyParameters", "0");
  }

  @Test void misconfigurationsAreExplained() {
    assertThatThrownBy(() -> parse("    http-path: /x\n    token: t\n", Map.of()))
        .hasMessageContaining("sources.lake").hasMessageContaining("'host:' and 'http-path:'");
    assertThatThrownBy(() -> parse("    host: h\n    http-path: /x\n", Map.of()))
        .hasMessageContaining("needs credentials");
    assertThatThrownBy(() -> parse("    host: h\n    http-path: /x\n    token: t\n    client-id: c\n"
        + "    client-secret: s\n", Map.of())).hasMessageContaining("not both");
    assertThatThrownBy(() -> parse("    host: h\n    http-path: /x\n    client-id: c\n", Map.of()))
        .hasMessageContaining("needs both 'client-id:' and 'client-secret:'");
    assertThatThrownBy(() -> parse("    url: jdbc:hive2://h/\n    driver-path: nope.jar\n", Map.of()))
        .hasMessageContaining("cannot read");
  }
}
