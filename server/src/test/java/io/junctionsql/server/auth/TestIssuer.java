package io.junctionsql.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenID Connect issuer on 127.0.0.1: its JWKS at {@code /keys} and its discovery document at
 * {@code /.well-known/openid-configuration}, with keys made fresh for each test.
 */
public final class TestIssuer implements AutoCloseable {
  public final RSAKey rsa;
  final ECKey ec;
  final AtomicInteger jwksRequests = new AtomicInteger();
  private final List<JWK> published = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  public TestIssuer() throws Exception {
    rsa = new RSAKeyGenerator(2048).keyID("rsa1").generate();
    ec = new ECKeyGenerator(Curve.P_256).keyID("ec1").generate();
    published.add(rsa.toPublicJWK());
    published.add(ec.toPublicJWK());
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/keys", x -> {
      jwksRequests.incrementAndGet();
      answer(x, 200, new JWKSet(List.copyOf(published)).toString(true));
    });
    server.createContext("/.well-known/openid-configuration", x -> answer(x, 200,
        "{\"issuer\":\"" + url() + "\",\"jwks_uri\":\"" + url() + "/keys\"}"));
    server.createContext("/broken", x -> answer(x, 500, "{}"));
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Adds a public key to the JWKS, as an issuer does when it rotates keys. */
  void publish(JWK key) {
    published.add(key.toPublicJWK());
  }

  /** Claims that pass every check of a {@link #config()} authenticator; tests change one thing. */
  public JWTClaimsSet.Builder claims() {
    long now = System.currentTimeMillis();
    return new JWTClaimsSet.Builder().issuer(url()).audience("junction").subject("alice")
        .claim("groups", List.of("analysts", "finance"))
        .issueTime(new java.util.Date(now)).expirationTime(new java.util.Date(now + 600_000));
  }

  JwtConfig config() {
    return new JwtConfig(url(), "junction", java.util.Optional.of(java.net.URI.create(url() + "/keys")), "sub", "groups",
        java.time.Duration.ofSeconds(60));
  }

  public String rs256(JWTClaimsSet claims) throws JOSEException {
    return sign(claims, rsa, JWSAlgorithm.RS256);
  }

  public static String sign(JWTClaimsSet claims, JWK key, JWSAlgorithm alg) throws JOSEException {
    JWSSigner signer = key instanceof RSAKey r ? new RSASSASigner(r) : new ECDSASigner((ECKey) key);
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  private static void answer(HttpExchange x, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override public void close() {
    server.stop(0);
  }
}
