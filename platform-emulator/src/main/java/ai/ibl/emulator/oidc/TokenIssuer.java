package ai.ibl.emulator.oidc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;

/**
 * Signs the emulated LMS's tokens with an RSA key published at the JWKS endpoint. Also makes the
 * bad tokens tests need: expired, signed by a key nobody publishes, for another audience.
 */
public final class TokenIssuer {
  public static final Duration DEFAULT_TTL = Duration.ofHours(1);

  private final String issuer;
  private final RsaJsonWebKey key;
  private final RsaJsonWebKey strangerKey;
  private final List<EmulatedUser> users;

  public TokenIssuer(String issuer, List<EmulatedUser> users) {
    this.issuer = issuer;
    this.users = List.copyOf(users);
    try {
      this.key = RsaJwkGenerator.generateJwk(2048);
      key.setKeyId("emulator-" + UUID.randomUUID().toString().substring(0, 8));
      this.strangerKey = RsaJwkGenerator.generateJwk(2048);
      strangerKey.setKeyId(key.getKeyId());
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  public String issuer() {
    return issuer;
  }

  public List<EmulatedUser> users() {
    return users;
  }

  public Optional<EmulatedUser> user(String username) {
    return users.stream().filter(u -> u.username().equals(username)).findFirst();
  }

  public String jwks() {
    return new JsonWebKeySet(key).toJson(org.jose4j.jwk.JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
  }

  /** A valid token for a default user, by username. */
  public String tokenFor(String username) {
    return sign(claimsFor(requireUser(username), DEFAULT_TTL), key);
  }

  public String tokenFor(EmulatedUser user, Duration ttl) {
    return sign(claimsFor(user, ttl), key);
  }

  /** A token whose expiry has passed (and beyond any clock-skew allowance). */
  public String expiredTokenFor(String username) {
    JwtClaims claims = claimsFor(requireUser(username), DEFAULT_TTL);
    Instant past = Instant.now().minus(Duration.ofHours(2));
    claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(past.getEpochSecond()));
    claims.setNotBefore(org.jose4j.jwt.NumericDate.fromSeconds(past.getEpochSecond()));
    claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(past.plusSeconds(600).getEpochSecond()));
    return sign(claims, key);
  }

  /** A well-formed token, but signed by a key the JWKS does not publish (same key id). */
  public String badlySignedTokenFor(String username) {
    return sign(claimsFor(requireUser(username), DEFAULT_TTL), strangerKey);
  }

  /** A service (client credentials) token. */
  public String clientToken(String clientId) {
    JwtClaims claims = baseClaims(DEFAULT_TTL);
    claims.setSubject(clientId);
    claims.setClaim("client_id", clientId);
    claims.setStringListClaim("roles", List.of("service"));
    return sign(claims, key);
  }

  /** A token with exactly the claims given (plus issuer and times), for edge cases. */
  public String tokenWithClaims(Map<String, Object> extra) {
    JwtClaims claims = baseClaims(DEFAULT_TTL);
    extra.forEach(claims::setClaim);
    return sign(claims, key);
  }

  /** Validates a token this issuer signed; empty when it is not valid. */
  public Optional<JwtClaims> verify(String token) {
    JwtConsumer consumer = new JwtConsumerBuilder()
        .setRequireExpirationTime()
        .setAllowedClockSkewInSeconds(30)
        .setExpectedIssuer(issuer)
        .setSkipDefaultAudienceValidation()
        .setVerificationKey(key.getPublicKey())
        .build();
    try {
      return Optional.of(consumer.processToClaims(token));
    } catch (InvalidJwtException e) {
      return Optional.empty();
    }
  }

  private EmulatedUser requireUser(String username) {
    return user(username).orElseThrow(() -> new IllegalArgumentException("No emulated user " + username));
  }

  private JwtClaims claimsFor(EmulatedUser user, Duration ttl) {
    JwtClaims claims = baseClaims(ttl);
    claims.setSubject(Long.toString(user.id()));
    claims.setClaim("user_id", user.id());
    claims.setClaim("preferred_username", user.username());
    claims.setClaim("email", user.email());
    claims.setClaim("tenant", user.tenant());
    claims.setStringListClaim("tenants", user.tenants());
    claims.setStringListClaim("roles", user.roles());
    return claims;
  }

  private JwtClaims baseClaims(Duration ttl) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer);
    claims.setAudience("ibl-suite");
    claims.setGeneratedJwtId();
    claims.setIssuedAtToNow();
    claims.setNotBeforeMinutesInThePast(1);
    claims.setExpirationTimeMinutesInTheFuture(ttl.toSeconds() / 60f);
    return claims;
  }

  private static String sign(JwtClaims claims, RsaJsonWebKey with) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(with.getPrivateKey());
    jws.setKeyIdHeaderValue(with.getKeyId());
    jws.setHeader("typ", "JWT");
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }
}
