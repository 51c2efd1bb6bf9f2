package org.enms.http.security;

import java.util.List;
import java.util.Set;

/**
 * What each request needs, from its method and path alone, so that routes added anywhere are
 * covered without edits: reads need {@link Need#READ}, writes an operator, the listed admin actions
 * an admin. This class is the one place that lists the exceptions.
 */
public final class AccessPolicy {
  /** What a request needs. */
  public enum Need {
    /** Nothing, even when reads are closed: liveness checks. */
    NOTHING,
    /** Nothing when reads are open, else a viewer. */
    READ,
    OPERATOR,
    ADMIN
  }

  /**
   * The voice client's POSTs that compute an answer and change no plant data: they count as reads,
   * so the voice client keeps working without a credential while reads are open. The monthly
   * report's two POSTs only render a PDF (v2 keeps it a day for its download).
   */
  public static final Set<String> QUERY_POSTS =
      Set.of(
          "/api/v1/anomaly/detect",
          "/api/v1/baseline/predict",
          "/api/v1/baseline/train-seu",
          "/api/v1/ovos/train-baseline",
          "/api/v1/model-performance/drift/check",
          "/api/v1/performance/analyze",
          "/api/v1/reports/generate",
          "/api/v1/reports/v2/generate",
          "/api/v1/ovos/voice/query");

  /** Always open, so that container and load-balancer probes need no credential. */
  private static final Set<String> PROBES = Set.of("/health", "/api/v1/health");

  /**
   * Always open: the API's description and Swagger UI hold no plant data, and the UI sends the
   * caller's credential with the calls it tries.
   */
  private static final Set<String> DOCS = Set.of("/openapi.json", "/openapi.yaml", "/docs");

  /**
   * Writes under these prefixes change prices or the plant's structure, or start jobs: admin only.
   */
  private static final List<String> ADMIN_PREFIXES =
      List.of(
          "/api/v1/scheduler/trigger/",
          "/api/v1/tariffs",
          "/api/v1/factories",
          "/api/v1/energy-sources",
          // The deprecated alias of POST /energy-sources (OvosAliases): the same write.
          "/api/v1/ovos/energy-sources");

  public Need need(String method, String path) {
    String p =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (PROBES.contains(p) || DOCS.contains(p) || p.startsWith("/docs/")) {
      return Need.NOTHING;
    }
    switch (method) {
      case "GET", "HEAD", "OPTIONS":
        return Need.READ;
      case "DELETE":
        return Need.ADMIN;
      default:
        break;
    }
    if (method.equals("POST") && QUERY_POSTS.contains(p)) {
      return Need.READ;
    }
    // Taking a machine, SEU or source out of service (or back) is an admin's decision.
    if (p.endsWith("/deactivate") || p.endsWith("/activate")) {
      return Need.ADMIN;
    }
    for (String prefix : ADMIN_PREFIXES) {
      if (p.startsWith(prefix)) {
        return Need.ADMIN;
      }
    }
    return Need.OPERATOR;
  }
}
