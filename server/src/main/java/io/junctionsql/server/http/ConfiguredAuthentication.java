package io.junctionsql.server.http;

import io.junctionsql.planner.security.Identity;
import io.junctionsql.server.auth.AuthConfig;
import io.junctionsql.server.auth.AuthenticationException;
import io.junctionsql.server.auth.Authenticator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The authentication {@code server.auth} describes, answering refusals in HTTP terms. */
final class ConfiguredAuthentication implements RequestAuthenticator {
  private static final Logger LOG = LoggerFactory.getLogger(ConfiguredAuthentication.class);
  private final Authenticator authenticator;

  private ConfiguredAuthentication(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  static RequestAuthenticator of(io.junctionsql.planner.config.ConfigNode auth, Path baseDirectory) {
    Authenticator authenticator = Authenticator.create(AuthConfig.parse(auth, baseDirectory));
    if (!authenticator.required()) {
      LOG.warn("event=authentication_off message=\"server.auth.mode is none: anyone who reaches the port "
          + "runs queries as 'anonymous'. Use this only behind a gateway that authenticates.\"");
    }
    return new ConfiguredAuthentication(authenticator);
  }

  @Override public Identity authenticate(String authorizationHeader, String clientAddress) throws HttpRefusal {
    try {
      return authenticator.authenticate(authorizationHeader, clientAddress);
    } catch (AuthenticationException e) {
      Map<String, String> headers = new LinkedHashMap<>();
      e.wwwAuthenticate().ifPresent(v -> headers.put("WWW-Authenticate", v));
      e.retryAfterSeconds().ifPresent(v -> headers.put("Retry-After", Long.toString(v)));
      LOG.info("event=authentication_failed client={} status={}", clientAddress, e.status());
      throw new HttpRefusal(e.status(), e.getMessage(), headers);
    }
  }
}
