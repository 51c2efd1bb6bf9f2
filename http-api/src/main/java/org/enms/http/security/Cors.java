package org.enms.http.security;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.http.error.ErrorHandling;

/**
 * A CORS allow-list. A preflight from an allowed origin is answered here, before any credential is
 * asked for (browsers send none with it); other requests from an allowed origin get the allow
 * headers on whatever the API answers. A disallowed origin gets no allow headers, and its preflight
 * a 403. With an empty list nothing is added.
 */
final class Cors extends AllDirectives {
  static final String METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
  static final String HEADERS = "Authorization, Content-Type, X-API-Key";

  private final List<String> origins;
  private final ErrorHandling errors = new ErrorHandling();

  Cors(List<String> origins) {
    this.origins = List.copyOf(origins);
  }

  Route wrap(Supplier<Route> inner) {
    if (origins.isEmpty()) {
      return inner.get();
    }
    return optionalHeaderValueByName(
        "Origin",
        origin -> {
          if (origin.isEmpty()) {
            return inner.get();
          }
          boolean allowed = origins.contains("*") || origins.contains(origin.get());
          return extractRequest(
              request -> {
                boolean preflight =
                    request.method().name().equals("OPTIONS")
                        && request.getHeader("Access-Control-Request-Method").isPresent();
                if (!allowed) {
                  return preflight
                      ? errors.error(StatusCodes.FORBIDDEN, "Origin not allowed")
                      : inner.get();
                }
                List<HttpHeader> headers = allowHeaders(origin);
                if (preflight) {
                  return respondWithHeaders(
                      List.of(
                          headers.get(0),
                          headers.get(1),
                          RawHeader.create("Access-Control-Allow-Methods", METHODS),
                          RawHeader.create("Access-Control-Allow-Headers", HEADERS),
                          RawHeader.create("Access-Control-Max-Age", "600")),
                      () -> complete(StatusCodes.NO_CONTENT));
                }
                return respondWithHeaders(headers, inner);
              });
        });
  }

  private static List<HttpHeader> allowHeaders(Optional<String> origin) {
    return List.of(
        RawHeader.create("Access-Control-Allow-Origin", origin.get()),
        RawHeader.create("Vary", "Origin"),
        RawHeader.create("Access-Control-Expose-Headers", "Retry-After, WWW-Authenticate"));
  }
}
