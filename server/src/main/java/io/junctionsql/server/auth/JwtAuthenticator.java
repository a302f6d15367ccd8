package io.junctionsql.server.auth;

import io.junctionsql.planner.security.Identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Bearer tokens: JWTs signed by the configured issuer with RS256 or ES256. The signature is checked
 * against the issuer's JWKS, which nimbus fetches, caches and fetches again when a token names a key id it
 * does not know yet (key rotation). The claims are checked here rather than by nimbus so that each refusal
 * can tell the user what is wrong with the token.
 */
public final class JwtAuthenticator {
  private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
  private static final int HTTP_TIMEOUT_MILLIS = 2_000;
  private static final int HTTP_SIZE_LIMIT = 256 * 1024;

  private final JwtConfig config;
  private final ResourceRetriever retriever;
  private final Clock clock;
  private volatile DefaultJWTProcessor<SecurityContext> processor;

  public JwtAuthenticator(JwtConfig config) {
    this(config, new DefaultResourceRetriever(HTTP_TIMEOUT_MILLIS, HTTP_TIMEOUT_MILLIS, HTTP_SIZE_LIMIT),
        Clock.systemUTC());
  }

  JwtAuthenticator(JwtConfig config, ResourceRetriever retriever, Clock clock) {
    this.config = config;
    this.retriever = retriever;
    this.clock = clock;
  }

  /**
   * @param token what follows {@code Bearer } in the Authorization header
   * @throws AuthenticationException 401 when the token is refused, 503 when the issuer's keys cannot be
   *     fetched
   */
  public Identity authenticate(String token) throws AuthenticationException {
    SignedJWT jwt = parse(token.trim());
    // A refusal may rest on unverified claims (an acceptance never does): a token from another issuer
    // is refused before it can make the server fetch keys.
    checkIssuer(unverifiedClaims(jwt));
    JWTClaimsSet claims;
    try {
      claims = processor().process(jwt, null);
    } catch (RateLimitReachedException e) {
      // The key id is unknown and the keys were just fetched again: the token is not from the issuer's keys.
      throw badSignature();
    } catch (KeySourceException e) {
      throw AuthenticationException.unavailable("the signing keys of " + config.issuer() + " cannot be fetched ("
          + e.getMessage() + "); try again later, and tell the administrator if it persists", e);
    } catch (BadJOSEException | JOSEException e) {
      throw badSignature();
    }
    checkIssuer(claims);
    checkAudience(claims);
    checkTimes(claims);
    return new Identity(user(claims), groups(claims));
  }

  private SignedJWT parse(String token) throws AuthenticationException {
    JWT jwt;
    try {
      jwt = JWTParser.parse(token);
    } catch (ParseException e) {
      throw AuthenticationException.rejected("the bearer token is not a JWT; send 'Bearer ' followed by an access "
          + "token from " + config.issuer());
    }
    if (!(jwt instanceof SignedJWT signed)) {
      throw AuthenticationException.rejected("the bearer token is not signed (alg " + jwt.getHeader().getAlgorithm()
          + "); this server accepts only tokens signed with RS256 or ES256 by " + config.issuer());
    }
    if (!ALGORITHMS.contains(signed.getHeader().getAlgorithm())) {
      throw AuthenticationException.rejected("the bearer token is signed with " + signed.getHeader().getAlgorithm()
          + "; this server accepts only RS256 or ES256 tokens from " + config.issuer());
    }
    return signed;
  }

  private static JWTClaimsSet unverifiedClaims(SignedJWT jwt) throws AuthenticationException {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw AuthenticationException.rejected("the bearer token's claims are not a JSON object; get a new token");
    }
  }

  private AuthenticationException badSignature() {
    return AuthenticationException.rejected("the bearer token's signature does not match any signing key of "
        + config.issuer() + "; get a token from that issuer");
  }

  private void checkIssuer(JWTClaimsSet claims) throws AuthenticationException {
    if (!config.issuer().equals(claims.getIssuer())) {
      throw AuthenticationException.rejected("the bearer token was issued by "
          + (claims.getIssuer() == null ? "no one (no iss claim)" : "'" + claims.getIssuer() + "'")
          + "; this server accepts tokens from " + config.issuer() + " only");
    }
  }

  private void checkAudience(JWTClaimsSet claims) throws AuthenticationException {
    List<String> audience = claims.getAudience();
    if (!audience.contains(config.audience())) {
      throw AuthenticationException.rejected("the bearer token is meant for " + (audience.isEmpty() ? "no audience"
          : "audience " + audience) + ", not for this server; get a token for audience '" + config.audience() + "'");
    }
  }

  private void checkTimes(JWTClaimsSet claims) throws AuthenticationException {
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    if (exp == null) {
      throw AuthenticationException.rejected("the bearer token has no expiry time (exp); tokens that never expire "
          + "are not accepted; get a token from " + config.issuer());
    }
    if (now.isAfter(exp.toInstant().plus(config.clockSkew()))) {
      throw AuthenticationException.rejected("the bearer token expired at " + exp.toInstant() + "; get a new token");
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && now.plus(config.clockSkew()).isBefore(nbf.toInstant())) {
      throw AuthenticationException.rejected("the bearer token is not valid before " + nbf.toInstant()
          + "; wait until then, or check that the clocks of this server and of the issuer are right");
    }
  }

  private String user(JWTClaimsSet claims) throws AuthenticationException {
    Object user = ClaimPath.resolve(claims.getClaims(), config.userClaim());
    if (!(user instanceof String name) || name.isBlank()) {
      throw AuthenticationException.rejected("the bearer token has no text claim '" + config.userClaim()
          + "' naming the user; get a token that carries it, or set server.auth.jwt.user_claim");
    }
    return name;
  }

  private Set<String> groups(JWTClaimsSet claims) throws AuthenticationException {
    Object value = ClaimPath.resolve(claims.getClaims(), config.groupsClaim());
    Set<String> groups = new LinkedHashSet<>();
    if (value instanceof String single) {
      groups.add(single);
    } else if (value instanceof List<?> list) {
      for (Object g : list) {
        if (!(g instanceof String name)) {
          throw notGroups();
        }
        groups.add(name);
      }
    } else if (value != null) {
      throw notGroups();
    }
    return groups;
  }

  private AuthenticationException notGroups() {
    return AuthenticationException.rejected("the bearer token's claim '" + config.groupsClaim() + "' is not a "
        + "group name or a list of them; fix the issuer's token mapping or set server.auth.jwt.groups_claim");
  }

  /** Built on first use, so that the server starts even while the issuer is unreachable. */
  private DefaultJWTProcessor<SecurityContext> processor() throws AuthenticationException {
    DefaultJWTProcessor<SecurityContext> p = processor;
    if (p != null) {
      return p;
    }
    synchronized (this) {
      if (processor == null) {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(jwksUrl(), retriever)
            .retrying(true)
            .build();
        DefaultJWTProcessor<SecurityContext> created = new DefaultJWTProcessor<>();
        created.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        // Access tokens may be typed "at+jwt" (RFC 9068); many issuers send "JWT" or nothing.
        created.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
            new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"), null));
        created.setJWTClaimsSetVerifier(null);
        processor = created;
      }
      return processor;
    }
  }

  private URL jwksUrl() throws AuthenticationException {
    try {
      if (config.jwksUrl().isPresent()) {
        return config.jwksUrl().get().toURL();
      }
      return OpenIdDiscovery.jwksUrl(config.issuer(), retriever);
    } catch (MalformedURLException e) {
      throw AuthenticationException.unavailable("server.auth.jwt.jwks_url is not a usable address ("
          + e.getMessage() + "); tell the administrator", e);
    } catch (IOException e) {
      throw AuthenticationException.unavailable("the signing keys of " + config.issuer() + " cannot be found: "
          + e.getMessage() + "; try again later, and tell the administrator if it persists", e);
    }
  }
}
