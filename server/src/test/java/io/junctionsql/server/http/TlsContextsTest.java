package io.junctionsql.server.http;

import io.junctionsql.planner.config.ConfigException;
import io.junctionsql.planner.config.Secret;
import io.junctionsql.server.config.TlsConfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TlsContextsTest {
  @TempDir Path dir;

  @Test void readsPkcs1AndPkcs8KeysWithTheirCertificate() throws Exception {
    TestCertificates certs = new TestCertificates(dir);
    for (Path key : new Path[] {certs.privateKeyPkcs1, certs.privateKeyPkcs8}) {
      KeyStore store = TlsContexts.fromPem(certs.certificate, key, new char[0]);
      assertThat(store.isKeyEntry("junction")).isTrue();
      assertThat(((X509Certificate) store.getCertificate("junction")).getSubjectX500Principal().getName())
          .isEqualTo("CN=127.0.0.1");
      assertThat(store.getKey("junction", new char[0]).getAlgorithm()).isEqualTo("RSA");
    }
  }

  @Test void aKeystoreIsUsedAsItIs() throws Exception {
    TestCertificates certs = new TestCertificates(dir);
    var factory = TlsContexts.of(new TlsConfig(null, null, certs.truststore, Secret.of(TestCertificates.TRUSTSTORE_PASSWORD)));
    assertThat(factory.getKeyStorePath()).isEqualTo(certs.truststore.toUri().toString());
  }

  @Test void filesWithoutWhatTheyShouldHoldAreNamed() throws Exception {
    TestCertificates certs = new TestCertificates(dir);
    Path empty = Files.writeString(dir.resolve("empty.pem"), "not a pem\n");
    assertThatThrownBy(() -> TlsContexts.fromPem(empty, certs.privateKeyPkcs8, new char[0]))
        .isInstanceOf(ConfigException.class).hasMessageContaining("server.tls.certificate").hasMessageContaining("empty.pem");
    assertThatThrownBy(() -> TlsContexts.fromPem(certs.certificate, certs.certificate, new char[0]))
        .isInstanceOf(ConfigException.class).hasMessageContaining("server.tls.private_key");
    assertThatThrownBy(() -> TlsContexts.fromPem(dir.resolve("missing.pem"), certs.privateKeyPkcs8, new char[0]))
        .isInstanceOf(ConfigException.class).hasMessageContaining("missing.pem");
  }
}
