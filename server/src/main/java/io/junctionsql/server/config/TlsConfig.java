package io.junctionsql.server.config;

import io.junctionsql.planner.config.ConfigException;
import io.junctionsql.planner.config.ConfigNode;
import io.junctionsql.planner.config.Secret;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the server's certificate comes from: PEM files (what Kubernetes TLS secrets hold) or a
 * keystore.
 *
 * @param certificate PEM certificate chain, or null with a keystore
 * @param privateKey PEM private key (PKCS#8 or PKCS#1), or null with a keystore
 * @param keystore a PKCS#12 or JKS keystore, or null with PEM files
 * @param keystorePassword the keystore's password (empty with PEM files)
 */
public record TlsConfig(Path certificate, Path privateKey, Path keystore, Secret keystorePassword) {
  static TlsConfig parse(ConfigNode tls) {
    tls.allowOnly(List.of("certificate", "private_key", "keystore", "keystore_password"), "server.tls");
    boolean pem = tls.has("certificate") || tls.has("private_key");
    boolean store = tls.has("keystore");
    if (pem == store) {
      throw new ConfigException(tls.path() + ": give either certificate and private_key (PEM files) or keystore "
          + "(with keystore_password), not both and not neither.");
    }
    if (pem) {
      if (!tls.has("certificate") || !tls.has("private_key")) {
        throw new ConfigException(tls.path() + ": PEM TLS needs both certificate and private_key.");
      }
      return new TlsConfig(tls.paths("certificate").get(0), tls.paths("private_key").get(0), null, Secret.empty());
    }
    return new TlsConfig(null, null, tls.paths("keystore").get(0),
        tls.has("keystore_password") ? tls.secret("keystore_password") : Secret.empty());
  }
}
