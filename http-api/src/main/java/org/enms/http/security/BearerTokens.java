package org.enms.http.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * HS256 bearer tokens, checked and minted by nimbus-jose-jwt: signature, {@code exp} (required),
 * {@code nbf}, and the issuer and audience when configured. The role is the highest known one in
 * the {@code roles} claim (a list or a string) or the {@code role} claim.
 */
public final class BearerTokens {
  /** HS256 needs a key at least as long as its hash. */
  public static final int MIN_SECRET_BYTES = 32;

  private final byte[] secret;
  private final String issuer;
  private final String audience;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  /**
   * @param issuer required {@code iss}, or empty for any
   * @param audience required in {@code aud}, or empty for any
   */
  public BearerTokens(String secret, String issuer, String audience) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    if (this.secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "enms.security.jwt.secret must be at least " + MIN_SECRET_BYTES + " bytes for HS256");
    }
    this.issuer = issuer == null ? "" : issuer;
    this.audience = audience == null ? "" : audience;
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(this.secret)));
    JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
    if (!this.issuer.isEmpty()) {
      exact.issuer(this.issuer);
    }
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            this.audience.isEmpty() ? null : this.audience,
            exact.build(),
            new HashSet<>(List.of("sub", "exp"))));
  }

  /** The token's subject and role; a bad, expired or role-less token is refused. */
  public Principal check(String token) throws CredentialRefused {
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (BadJWTException e) {
      // Claims failures (expired, wrong issuer...) say which, nothing about the key.
      throw new CredentialRefused("Invalid token: " + e.getMessage());
    } catch (ParseException | BadJOSEException | JOSEException e) {
      throw new CredentialRefused("Invalid token");
    }
    Role role =
        highest(claims)
            .orElseThrow(
                () -> new CredentialRefused("Token has no role (viewer, operator or admin)"));
    return new Principal(claims.getSubject(), role, Principal.Kind.TOKEN);
  }

  private static Optional<Role> highest(JWTClaimsSet claims) {
    Set<Role> roles = new HashSet<>();
    for (String name : List.of("roles", "role")) {
      Object value = claims.getClaim(name);
      if (value instanceof Collection<?> list) {
        list.forEach(v -> Role.parse(String.valueOf(v)).ifPresent(roles::add));
      } else if (value instanceof String s) {
        for (String one : s.split("[ ,]")) {
          Role.parse(one).ifPresent(roles::add);
        }
      }
    }
    return roles.stream().max(Enum::compareTo);
  }

  /** A signed token for {@code subject} with {@code role}, valid for {@code ttl}. */
  public String mint(String subject, Role role, Duration ttl, Instant now) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .subject(subject)
            .claim("roles", List.of(role.wireName()))
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)));
    if (!issuer.isEmpty()) {
      claims.issuer(issuer);
    }
    if (!audience.isEmpty()) {
      claims.audience(audience);
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
    try {
      jwt.sign(new MACSigner(secret));
    } catch (JOSEException e) {
      throw new IllegalStateException("HS256 signing failed", e);
    }
    return jwt.serialize();
  }
}
