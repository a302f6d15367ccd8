package io.junctionsql.server.http;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** A self-signed certificate for 127.0.0.1, made in the test: PEM files for the server, a truststore for clients. */
final class TestCertificates {
  static final String TRUSTSTORE_PASSWORD = "changeit";

  final Path certificate;
  final Path privateKeyPkcs1;
  final Path privateKeyPkcs8;
  final Path truststore;

  TestCertificates(Path dir) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    X500Name name = new X500Name("CN=127.0.0.1");
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
        Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic());
    builder.addExtension(Extension.subjectAlternativeName, false,
        new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
    X509Certificate cert = new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    certificate = dir.resolve("tls.crt");
    privateKeyPkcs1 = dir.resolve("tls-pkcs1.key");
    privateKeyPkcs8 = dir.resolve("tls-pkcs8.key");
    truststore = dir.resolve("truststore.p12");
    try (Writer w = Files.newBufferedWriter(certificate); JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(cert);
    }
    try (Writer w = Files.newBufferedWriter(privateKeyPkcs1); JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(keys.getPrivate());
    }
    try (Writer w = Files.newBufferedWriter(privateKeyPkcs8); JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null));
    }
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("junction", cert);
    try (OutputStream out = Files.newOutputStream(truststore)) {
      trust.store(out, TRUSTSTORE_PASSWORD.toCharArray());
    }
  }
}
