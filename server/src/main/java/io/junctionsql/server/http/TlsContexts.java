package io.junctionsql.server.http;

import io.junctionsql.planner.config.ConfigException;
import io.junctionsql.server.config.TlsConfig;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the server's TLS context from the config. PEM files are read with Bouncy Castle because the
 * JDK reads neither PKCS#1 keys ({@code BEGIN RSA PRIVATE KEY}) nor EC keys in PEM, and Kubernetes TLS
 * secrets hold either.
 */
public final class TlsContexts {
  private TlsContexts() {
  }

  public static SslContextFactory.Server of(TlsConfig tls) {
    SslContextFactory.Server factory = new SslContextFactory.Server();
    if (tls.keystore() != null) {
      factory.setKeyStorePath(tls.keystore().toString());
      factory.setKeyStorePassword(tls.keystorePassword().reveal());
    } else {
      char[] password = new char[0];
      factory.setKeyStore(fromPem(tls.certificate(), tls.privateKey(), password));
      factory.setKeyStorePassword("");
    }
    // TLS 1.2 and 1.3 only; Jetty's defaults already exclude weak suites.
    factory.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    return factory;
  }

  static KeyStore fromPem(Path certificateFile, Path keyFile, char[] password) {
    try {
      List<Certificate> chain = new ArrayList<>();
      JcaX509CertificateConverter certificates = new JcaX509CertificateConverter();
      try (Reader r = Files.newBufferedReader(certificateFile); PEMParser pem = new PEMParser(r)) {
        Object o;
        while ((o = pem.readObject()) != null) {
          if (o instanceof X509CertificateHolder) {
            chain.add(certificates.getCertificate((X509CertificateHolder) o));
          }
        }
      }
      if (chain.isEmpty()) {
        throw new ConfigException("server.tls.certificate: " + certificateFile + " holds no PEM certificate "
            + "(expected -----BEGIN CERTIFICATE-----).");
      }
      PrivateKey key;
      try (Reader r = Files.newBufferedReader(keyFile); PEMParser pem = new PEMParser(r)) {
        Object o = pem.readObject();
        JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
        if (o instanceof PEMKeyPair) {
          key = keys.getKeyPair((PEMKeyPair) o).getPrivate();
        } else if (o instanceof PrivateKeyInfo) {
          key = keys.getPrivateKey((PrivateKeyInfo) o);
        } else {
          throw new ConfigException("server.tls.private_key: " + keyFile + " holds no unencrypted PEM private key "
              + "(expected BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY).");
        }
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("junction", key, password, chain.toArray(new Certificate[0]));
      return store;
    } catch (IOException e) {
      throw new ConfigException("server.tls: cannot read " + e.getMessage() + ". Check the certificate and "
          + "private_key paths and that Junction may read them.");
    } catch (GeneralSecurityException e) {
      throw new ConfigException("server.tls: the certificate or key is not usable (" + e.getMessage() + ").");
    }
  }
}
