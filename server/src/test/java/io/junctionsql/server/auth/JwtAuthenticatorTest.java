package io.junctionsql.server.auth;

import io.junctionsql.planner.security.Identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JwtAuthenticatorTest {
  private TestIssuer issuer;
  private JwtAuthenticator jwt;

  @BeforeEach void start() throws Exception {
    issuer = new TestIssuer();
    jwt = authenticator(issuer.config());
  }

  @AfterEach void stop() {
    issuer.close();
  }

  private static JwtAuthenticator authenticator(JwtConfig config) {
    return new JwtAuthenticator(config, new DefaultResourceRetriever(2000, 2000), Clock.systemUTC());
  }

  private AuthenticationException refusal(String token) {
    return catchThrowableOfType(AuthenticationException.class, () -> jwt.authenticate(token));
  }

  @Test void acceptsRs256AndReadsUserAndGroups() throws Exception {
    Identity id = jwt.authenticate(issuer.rs256(issuer.claims().build()));
    assertThat(id.user()).isEqualTo("alice");
    assertThat(id.groups()).containsExactlyInAnyOrder("analysts", "finance");
  }

  @Test void acceptsEs256() throws Exception {
    Identity id = jwt.authenticate(TestIssuer.sign(issuer.claims().build(), issuer.ec, JWSAlgorithm.ES256));
    assertThat(id.user()).isEqualTo("alice");
  }

  @Test void readsXsuaaStyleNestedClaims() throws Exception {
    JwtConfig c = issuer.config();
    jwt = authenticator(new JwtConfig(c.issuer(), c.audience(), c.jwksUrl(), "user_name",
        "xs.system.attributes.xs.rolecollections", c.clockSkew()));
    JWTClaimsSet claims = issuer.claims().subject("a1b2-guid").claim("user_name", "alice@example.com")
        .claim("xs.system.attributes", Map.of("xs.rolecollections", List.of("Junction_Analyst")))
        .build();
    Identity id = jwt.authenticate(issuer.rs256(claims));
    assertThat(id.user()).isEqualTo("alice@example.com");
    assertThat(id.groups()).containsExactly("Junction_Analyst");
  }

  @Test void aSingleGroupStringAndNoGroupsAreAccepted() throws Exception {
    assertThat(jwt.authenticate(issuer.rs256(issuer.claims().claim("groups", "analysts").build())).groups())
        .containsExactly("analysts");
    assertThat(jwt.authenticate(issuer.rs256(issuer.claims().claim("groups", null).build())).groups()).isEmpty();
    assertThat(refusal(issuer.rs256(issuer.claims().claim("groups", List.of(1, 2)).build())).getMessage())
        .contains("'groups' is not a group name");
  }

  @Test void discoversTheKeysFromTheIssuer() throws Exception {
    JwtConfig c = issuer.config();
    jwt = authenticator(new JwtConfig(c.issuer(), c.audience(), Optional.empty(), "sub", "groups", c.clockSkew()));
    assertThat(jwt.authenticate(issuer.rs256(issuer.claims().build())).user()).isEqualTo("alice");
    assertThat(issuer.jwksRequests).hasValue(1);
  }

  @Test void fetchesTheKeysAgainForAnUnknownKeyId() throws Exception {
    jwt.authenticate(issuer.rs256(issuer.claims().build()));
    RSAKey rotated = new RSAKeyGenerator(2048).keyID("rsa2").generate();
    issuer.publish(rotated);
    Identity id = jwt.authenticate(TestIssuer.sign(issuer.claims().build(), rotated, JWSAlgorithm.RS256));
    assertThat(id.user()).isEqualTo("alice");
    assertThat(issuer.jwksRequests).hasValue(2);
  }

  @Test void anExpiredTokenIsRefused() throws Exception {
    Date exp = new Date(System.currentTimeMillis() - 120_000);
    AuthenticationException e = refusal(issuer.rs256(issuer.claims().expirationTime(exp).build()));
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.getMessage()).contains("expired at " + exp.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
        .contains("get a new token");
  }

  @Test void theClockSkewIsAllowed() throws Exception {
    Date exp = new Date(System.currentTimeMillis() - 30_000);
    assertThat(jwt.authenticate(issuer.rs256(issuer.claims().expirationTime(exp).build())).user()).isEqualTo("alice");
  }

  @Test void aTokenNotYetValidIsRefused() throws Exception {
    Date nbf = new Date(System.currentTimeMillis() + 300_000);
    assertThat(refusal(issuer.rs256(issuer.claims().notBeforeTime(nbf).build())).getMessage())
        .contains("not valid before");
  }

  @Test void aTokenWithoutExpiryIsRefused() throws Exception {
    assertThat(refusal(issuer.rs256(issuer.claims().expirationTime(null).build())).getMessage())
        .contains("no expiry time (exp)");
  }

  @Test void aTokenSignedByAnotherKeyIsRefused() throws Exception {
    RSAKey impostor = new RSAKeyGenerator(2048).keyID("rsa1").generate();
    assertThat(refusal(TestIssuer.sign(issuer.claims().build(), impostor, JWSAlgorithm.RS256)).getMessage())
        .contains("signature does not match");
    RSAKey unknown = new RSAKeyGenerator(2048).keyID("other").generate();
    assertThat(refusal(TestIssuer.sign(issuer.claims().build(), unknown, JWSAlgorithm.RS256)).getMessage())
        .contains("signature does not match");
  }

  @Test void aTokenForAnotherAudienceIsRefused() throws Exception {
    assertThat(refusal(issuer.rs256(issuer.claims().audience(List.of("other", "more")).build())).getMessage())
        .contains("[other, more]").contains("audience 'junction'");
    assertThat(jwt.authenticate(issuer.rs256(issuer.claims().audience(List.of("other", "junction")).build())).user())
        .isEqualTo("alice");
  }

  @Test void aTokenFromAnotherIssuerIsRefused() throws Exception {
    assertThat(refusal(issuer.rs256(issuer.claims().issuer(issuer.url() + "/").build())).getMessage())
        .contains("issued by '" + issuer.url() + "/'").contains("accepts tokens from " + issuer.url() + " only");
    assertThat(issuer.jwksRequests).as("refused before the keys are fetched").hasValue(0);
  }

  @Test void anUnsignedTokenIsRefused() throws Exception {
    String none = new PlainJWT(issuer.claims().build()).serialize();
    assertThat(refusal(none).getMessage()).contains("not signed (alg none)");
  }

  @Test void anHmacTokenIsRefused() throws Exception {
    SignedJWT hs = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), issuer.claims().build());
    hs.sign(new MACSigner(new byte[32]));
    assertThat(refusal(hs.serialize()).getMessage()).contains("signed with HS256").contains("RS256 or ES256");
  }

  @Test void garbageAndMissingUserAreRefused() throws Exception {
    assertThat(refusal("not-a-jwt").getMessage()).contains("not a JWT");
    assertThat(refusal(issuer.rs256(issuer.claims().subject(null).build())).getMessage()).contains("'sub'");
  }

  @Test void unreachableKeysAreAServerProblem() throws Exception {
    JwtConfig c = issuer.config();
    jwt = authenticator(new JwtConfig(c.issuer(), c.audience(), Optional.of(URI.create(issuer.url() + "/broken")),
        "sub", "groups", Duration.ofSeconds(60)));
    AuthenticationException e = refusal(issuer.rs256(issuer.claims().build()));
    assertThat(e.status()).isEqualTo(503);
    assertThat(e.getMessage()).contains("cannot be fetched").contains("try again later");
  }
}
