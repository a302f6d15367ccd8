package io.junctionsql.server.auth;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.Map;

/**
 * Where an OpenID Connect issuer publishes its signing keys: the {@code jwks_uri} of its
 * {@code /.well-known/openid-configuration} document (OpenID Connect Discovery 1.0, section 4).
 */
final class OpenIdDiscovery {
  static final String WELL_KNOWN = "/.well-known/openid-configuration";

  private OpenIdDiscovery() {
  }

  /**
   * @throws IOException when the document cannot be fetched or does not fit the issuer
   */
  static URL jwksUrl(String issuer, ResourceRetriever retriever) throws IOException {
    URL document = URI.create(documentUrl(issuer)).toURL();
    try {
      Map<String, Object> json = JSONObjectUtils.parse(retriever.retrieveResource(document).getContent());
      // The spec requires the document to name the same issuer; anything else is a misconfiguration or a spoof.
      String named = JSONObjectUtils.getString(json, "issuer");
      if (named != null && !named.equals(issuer)) {
        throw new IOException(document + " names issuer '" + named + "', not '" + issuer + "'");
      }
      URI jwks = JSONObjectUtils.getURI(json, "jwks_uri");
      if (jwks == null) {
        throw new IOException(document + " has no jwks_uri");
      }
      return jwks.toURL();
    } catch (ParseException | IllegalArgumentException e) {
      throw new IOException(document + " is not a valid OpenID configuration: " + e.getMessage(), e);
    }
  }

  static String documentUrl(String issuer) {
    return (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + WELL_KNOWN;
  }
}
