package io.junctionsql.planner.source.databricks;

import io.junctionsql.planner.config.ConfigException;
import io.junctionsql.planner.config.ConfigNode;
import io.junctionsql.planner.config.Secret;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a Databricks source logs in, as the official driver's properties: a personal access token
 * ({@code AuthMech=3}, user {@code token}), OAuth machine-to-machine ({@code AuthMech=11},
 * {@code Auth_Flow=1}) with a service principal's client id and secret, or, for a Spark thrift server,
 * a plain user and password.
 *
 * @param method {@code token}, {@code oauth-m2m} or {@code user}
 * @param user the login passed as the JDBC user
 * @param password the secret passed as the JDBC password
 * @param clientSecret the OAuth client secret, or empty
 * @param extra driver properties that select the method
 */
public record DatabricksAuth(String method, String user, Secret password, Secret clientSecret,
    Map<String, String> extra) {

  static DatabricksAuth from(ConfigNode node, String url) {
    boolean token = node.has("token");
    boolean oauth = node.has("client-id") || node.has("client-secret");
    if (token && oauth) {
      throw new ConfigException(node.path() + ": give either 'token:' (a personal access token) or "
          + "'client-id:' and 'client-secret:' (OAuth machine-to-machine), not both.");
    }
    if (token) {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("AuthMech", "3");
      return new DatabricksAuth("token", "token", node.secret("token"), Secret.empty(), p);
    }
    if (oauth) {
      if (!node.has("client-id") || !node.has("client-secret")) {
        throw new ConfigException(node.path() + ": OAuth machine-to-machine needs both 'client-id:' and "
            + "'client-secret:' of a service principal.");
      }
      Secret secret = node.secret("client-secret");
      Map<String, String> p = new LinkedHashMap<>();
      p.put("AuthMech", "11");
      p.put("Auth_Flow", "1");
      p.put("OAuth2ClientId", node.requiredString("client-id"));
      p.put("OAuth2Secret", secret.reveal());
      return new DatabricksAuth("oauth-m2m", "", Secret.empty(), secret, p);
    }
    if (url.startsWith("jdbc:databricks:")) {
      throw new ConfigException(node.path() + ": a Databricks warehouse needs credentials: 'token:' with a "
          + "personal access token (for example ${env:DATABRICKS_TOKEN}), or 'client-id:' and 'client-secret:'.");
    }
    return new DatabricksAuth("user", node.optionalString("user").orElse(""), node.secret("password"),
        Secret.empty(), Map.of());
  }

  /** Properties for the driver: the method's switches (the secrets travel as user and password, or here). */
  Map<String, String> properties() {
    return extra;
  }

  List<Secret> secrets() {
    return List.of(password, clientSecret);
  }
}
