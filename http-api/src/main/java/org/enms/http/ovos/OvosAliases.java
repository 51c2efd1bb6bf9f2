package org.enms.http.ovos;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.http.error.ErrorHandling;

/**
 * The original's deprecated {@code /api/v1/ovos/*} aliases. Each answers exactly as its successor
 * (same method, query and body, same status and body), by handing the request to the successor's
 * route with the path rewritten, and says it is deprecated: {@code Deprecation} (RFC 9745, the date
 * the aliases were already deprecated in the original), {@code Link} to the successor with {@code
 * rel="successor-version"}, and the original's {@code X-Deprecated} and {@code
 * X-Deprecation-Message}. The original also added a {@code deprecation_warning} field to JSON
 * bodies; here the body stays the successor's, so a client can switch without a change. The voice
 * proxy under {@code /ovos/voice} is not an alias and is left alone.
 */
public final class OvosAliases extends AllDirectives {
  /** 2025-12-24T00:00:00Z: the aliases were deprecated in the original's snapshot of that day. */
  static final long DEPRECATED_SINCE_EPOCH_SECONDS = 1_766_534_400L;

  private static final String V1 = "/api/v1";

  /** Alias path under {@code /ovos} → successor path under {@code /api/v1}. */
  private static final Map<String, String> FIXED =
      Map.of(
          "/summary", "/factory/summary",
          "/top-consumers", "/analytics/top-consumers",
          "/train-baseline", "/baseline/train-seu",
          "/forecast/tomorrow", "/forecast/short-term",
          "/seus", "/seus",
          "/energy-sources", "/energy-sources");

  /** {@code /machines/{name}/status} → {@code /machines/status/{name}}. */
  private static final Pattern MACHINE_STATUS = Pattern.compile("/machines/([^/]+)/status");

  /**
   * The aliases, to sit under {@code /api/v1} beside the other resources.
   *
   * @param successors the {@code /api/v1} routes the aliases answer with
   */
  public Route routes(Route successors) {
    Route answered = new ErrorHandling().wrap(successors);
    return pathPrefix(
        "ovos",
        () ->
            extractUnmatchedPath(
                rest ->
                    successor(rest)
                        .map(
                            path ->
                                respondWithHeaders(
                                    headers(path),
                                    () -> mapUnmatchedPath(p -> path, () -> answered)))
                        .orElseGet(this::reject)));
  }

  /** The successor of an alias path (relative to {@code /ovos}), relative to {@code /api/v1}. */
  static Optional<String> successor(String aliasPath) {
    String fixed = FIXED.get(aliasPath);
    if (fixed != null) {
      return Optional.of(fixed);
    }
    Matcher m = MACHINE_STATUS.matcher(aliasPath);
    return m.matches() ? Optional.of("/machines/status/" + m.group(1)) : Optional.empty();
  }

  static List<HttpHeader> headers(String successor) {
    String target = V1 + successor;
    return List.of(
        RawHeader.create("Deprecation", "@" + DEPRECATED_SINCE_EPOCH_SECONDS),
        RawHeader.create("Link", "<" + target + ">; rel=\"successor-version\""),
        RawHeader.create("X-Deprecated", "true; use=" + target),
        RawHeader.create(
            "X-Deprecation-Message",
            "This endpoint is deprecated and will be removed; use " + target + " instead"));
  }
}
