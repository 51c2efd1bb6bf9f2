package org.enms.http.security;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.RemoteAddress;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.http.error.ErrorHandling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one layer around every route: CORS, then who the caller is (a bearer token or an API key),
 * the caller's rate limit, what the request needs ({@link AccessPolicy}), and the request-size
 * limit. Routes know nothing of it, so routes added later are covered as they are.
 *
 * <p>Dev mode: with neither a JWT secret nor an API key configured nobody could prove a role, so
 * every request is let through (a WARN says so at start, and {@code /health} shows it); any
 * configured credential turns enforcement on.
 */
public final class SecurityLayer extends AllDirectives {
  private static final Logger log = LoggerFactory.getLogger(SecurityLayer.class);
  private static final String BEARER = "Bearer ";

  private final SecuritySettings settings;
  private final Optional<BearerTokens> tokens;
  private final ApiKeys keys;
  private final Optional<RateLimiter> limiter;
  private final Cors cors;
  private final AccessPolicy policy = new AccessPolicy();
  private final ErrorHandling errors = new ErrorHandling();

  public SecurityLayer(SecuritySettings settings) {
    this.settings = settings;
    this.tokens =
        settings.jwtSecret().isEmpty()
            ? Optional.empty()
            : Optional.of(
                new BearerTokens(
                    settings.jwtSecret(), settings.jwtIssuer(), settings.jwtAudience()));
    this.keys = ApiKeys.parse(settings.apiKeys());
    this.limiter =
        settings.ratePerSecond() <= 0
            ? Optional.empty()
            : Optional.of(
                new RateLimiter(
                    settings.ratePerSecond(),
                    settings.burst(),
                    settings.rateClients(),
                    settings.rateIdle()));
    this.cors = new Cors(settings.corsOrigins());
    if (!settings.enforcing() && !settings.readsOpen()) {
      throw new IllegalArgumentException(
          "enms.security.reads = authenticated needs a JWT secret or an API key to read with");
    }
  }

  /** Logs how the API is protected; a WARN in dev mode. */
  public SecurityLayer logMode() {
    if (settings.enforcing()) {
      log.info(
          "API security on: bearer tokens {}, {} API key(s), reads {}",
          tokens.isPresent() ? "accepted" : "off",
          keys.size(),
          settings.readsOpen() ? "open" : "authenticated");
    } else {
      log.warn(
          "API security in DEV MODE: no enms.security.jwt.secret (ENMS_JWT_SECRET) and no"
              + " enms.security.api-keys (ENMS_API_KEYS) configured, so every write is OPEN to"
              + " anyone who reaches {}",
          "the listen address");
    }
    return this;
  }

  public Route wrap(Supplier<Route> inner) {
    return cors.wrap(
        () ->
            extractRequest(
                request -> {
                  Caller caller = identify(request);
                  OptionalLong wait =
                      limiter.isPresent()
                          ? limiter.get().take(caller.client())
                          : OptionalLong.empty();
                  if (wait.isPresent()) {
                    return respondWithHeader(
                        RawHeader.create("Retry-After", Long.toString(wait.getAsLong())),
                        () ->
                            errors.error(
                                StatusCodes.TOO_MANY_REQUESTS,
                                "Too many requests: retry after " + wait.getAsLong() + " s"));
                  }
                  if (caller.refused() != null) {
                    return unauthorized(caller.refused());
                  }
                  Route limited = withSizeLimit(settings.maxRequestBytes(), inner);
                  return authorize(
                      policy.need(request.method().name(), request.getUri().path()),
                      caller.principal(),
                      limited);
                }));
  }

  private Route authorize(AccessPolicy.Need need, Principal principal, Route inner) {
    if (!settings.enforcing() || need == AccessPolicy.Need.NOTHING) {
      return inner;
    }
    if (need == AccessPolicy.Need.READ && settings.readsOpen()) {
      return inner;
    }
    Role required =
        switch (need) {
          case READ -> Role.VIEWER;
          case OPERATOR -> Role.OPERATOR;
          default -> Role.ADMIN;
        };
    if (principal == null) {
      return unauthorized("Not authenticated: this needs the " + required.wireName() + " role");
    }
    if (!principal.role().includes(required)) {
      return errors.error(
          StatusCodes.FORBIDDEN,
          "Forbidden: this needs the "
              + required.wireName()
              + " role, the caller has "
              + principal.role().wireName());
    }
    return inner;
  }

  private Route unauthorized(String detail) {
    return respondWithHeader(
        RawHeader.create("WWW-Authenticate", "Bearer realm=\"enms\""),
        () -> errors.error(StatusCodes.UNAUTHORIZED, detail));
  }

  /**
   * @param principal the caller, or null when anonymous or refused
   * @param refused why a presented credential was refused, or null
   * @param client the rate limit's key
   */
  private record Caller(Principal principal, String refused, String client) {}

  private Caller identify(HttpRequest request) {
    String ip = remoteIp(request);
    if (!settings.enforcing()) {
      // Dev mode: there is nothing to check a credential against, and nothing needs one.
      return new Caller(null, null, ip);
    }
    Optional<String> key = request.getHeader("X-API-Key").map(h -> h.value());
    Optional<String> auth = request.getHeader("Authorization").map(h -> h.value());
    try {
      if (key.isPresent()) {
        Principal p = keys.check(key.get());
        return new Caller(p, null, p.clientKey());
      }
      if (auth.isPresent() && auth.get().regionMatches(true, 0, BEARER, 0, BEARER.length())) {
        if (tokens.isEmpty()) {
          throw new CredentialRefused("Bearer tokens are not accepted: no JWT secret configured");
        }
        Principal p = tokens.get().check(auth.get().substring(BEARER.length()).trim());
        return new Caller(p, null, p.clientKey());
      }
    } catch (CredentialRefused e) {
      return new Caller(null, e.getMessage(), ip);
    }
    return new Caller(null, null, ip);
  }

  /** The socket's peer; forwarded-for headers are not trusted, as any client can send them. */
  private static String remoteIp(HttpRequest request) {
    return request
        .getAttribute(AttributeKeys.remoteAddress)
        .flatMap(RemoteAddress::getAddress)
        .map(a -> "ip:" + a.getHostAddress())
        .orElse("ip:unknown");
  }
}
