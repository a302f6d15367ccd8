package io.junctionsql.server.auth;

import io.junctionsql.planner.config.ConfigException;
import io.junctionsql.planner.config.ConfigNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code server.auth.jwt} section: which issuer's bearer tokens the server accepts, and where in the
 * token it finds the user and the groups.
 *
 * @param issuer the exact {@code iss} value tokens must carry
 * @param audience a value the token's {@code aud} must contain
 * @param jwksUrl where the issuer's signing keys are; empty to discover them from the issuer's
 *     {@code /.well-known/openid-configuration}
 * @param userClaim the claim naming the user, a dotted path for nested claims
 * @param groupsClaim the claim listing the groups, a dotted path for nested claims
 * @param clockSkew how far the server's clock may differ from the issuer's
 */
public record JwtConfig(String issuer, String audience, Optional<URI> jwksUrl, String userClaim, String groupsClaim,
    Duration clockSkew) {
  private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);

  public JwtConfig {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(jwksUrl, "jwksUrl");
    Objects.requireNonNull(userClaim, "userClaim");
    Objects.requireNonNull(groupsClaim, "groupsClaim");
    Objects.requireNonNull(clockSkew, "clockSkew");
  }

  static JwtConfig parse(ConfigNode node) {
    node.allowOnly(List.of("issuer", "audience", "jwks_url", "user_claim", "groups_claim", "clock_skew"),
        "bearer (JWT) authentication");
    String issuer = node.requiredString("issuer");
    // Discovery appends a path to the issuer, so it has to be a web address too.
    httpUrl(node, "issuer", issuer);
    Optional<URI> jwksUrl = node.optionalString("jwks_url").map(u -> httpUrl(node, "jwks_url", u));
    Duration skew = node.duration("clock_skew", Duration.ofSeconds(60));
    if (skew.isNegative() || skew.compareTo(MAX_CLOCK_SKEW) > 0) {
      throw new ConfigException(node.pathOf("clock_skew") + ": " + skew.toSeconds() + "s is out of range; use 0s to "
          + MAX_CLOCK_SKEW.toMinutes() + "m (synchronize the clocks if they differ more).");
    }
    return new JwtConfig(issuer, node.requiredString("audience"), jwksUrl,
        nonBlank(node, "user_claim", "sub"), nonBlank(node, "groups_claim", "groups"), skew);
  }

  private static String nonBlank(ConfigNode node, String key, String defaultValue) {
    String v = node.optionalString(key).orElse(defaultValue).trim();
    if (v.isEmpty()) {
      throw new ConfigException(node.pathOf(key) + ": empty. Name a claim, or remove the key for '" + defaultValue + "'.");
    }
    return v;
  }

  private static URI httpUrl(ConfigNode node, String key, String text) {
    try {
      URI uri = new URI(text.trim());
      if (("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new ConfigException(node.pathOf(key) + ": '" + text + "' is not an http(s) address; write for example "
        + "https://login.example.com/oauth2.");
  }
}
