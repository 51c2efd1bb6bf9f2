package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.enms.core.json.Json;
import org.enms.http.docs.ApiDocument;
import org.enms.http.security.AccessPolicy;
import org.enms.node.RouteScanner.Endpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document against the API, both ways. The routes come from the sources ({@link
 * RouteScanner}: a Pekko route tree cannot be listed at run time) and the listing is checked
 * against a running node over a real socket: every documented operation is served, every other
 * method on a documented path is refused as unrouted. A route added without its documentation, or a
 * documented path without a route, fails here.
 */
class ApiDocumentCompletenessTest {
  private static final Path HTTP_API_SOURCES = Path.of("../http-api/src/main/java");
  private static final Path NODE_SOURCES = Path.of("src/main/java");
  private static final List<String> METHODS = DocumentedOperation.METHODS;

  private static JsonNode document;
  private static RouteScanner scanned;
  private static NodeFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    document = Json.mapper().readTree(ApiDocument.fromClasspath().json());
    scanned = RouteScanner.scanNode(HTTP_API_SOURCES, NODE_SOURCES);
    fixture = new NodeFixture();
    // No rate limit: several hundred probes must each reach their route.
    fixture.startNode(Map.of("enms.security.rate-limit.per-second", 0));
  }

  @AfterAll
  static void stop() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
  }

  private static List<DocumentedOperation> documented() {
    return DocumentedOperation.all(document);
  }

  /** The scanned routes, a WebSocket's ({@code *}: any method) written as the GET it is. */
  private static Set<Endpoint> routes() {
    return scanned.endpoints().stream()
        .map(e -> e.method().equals("*") ? new Endpoint("GET", e.path()) : e)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void everyRouteTheNodeServesIsInTheDocument() {
    Set<Endpoint> undocumented = new TreeSet<>(routes());
    documented().forEach(o -> undocumented.remove(o.endpoint()));

    assertThat(undocumented).as("routes missing from openapi.yaml").isEmpty();
    assertThat(routes()).hasSizeGreaterThan(100);
  }

  @Test
  void everyDocumentedOperationIsARoute() {
    Set<Endpoint> routes = routes();
    List<String> without =
        documented().stream()
            .filter(o -> !routes.contains(o.endpoint()))
            .map(o -> o.method() + " " + o.path())
            .toList();

    assertThat(without).as("documented operations that no route serves").isEmpty();
  }

  @Test
  void theScannerReachesEveryPathDirectiveInTheSources() {
    assertThat(scanned.unreached())
        .as("path directives no route of the node reaches (so the scanner cannot vouch for them)")
        .isEmpty();
  }

  @Test
  void eachOperationNamesTheRoleTheSecurityLayerAsksFor() {
    AccessPolicy policy = new AccessPolicy();
    for (DocumentedOperation o : documented()) {
      String expected =
          switch (policy.need(o.method(), o.path())) {
            case NOTHING -> "none";
            case READ -> "viewer";
            case OPERATOR -> "operator";
            case ADMIN -> "admin";
          };
      assertThat(o.spec().path("x-required-role").asText())
          .as(o.method() + " " + o.path())
          .isEqualTo(expected);
    }
  }

  @Test
  void aRunningNodeServesEveryDocumentedOperation() {
    List<String> unrouted = new ArrayList<>();
    for (DocumentedOperation o : documented()) {
      HttpResponse<String> response = probe(o.method(), o.path(), o.spec());
      if (unrouted(response)) {
        unrouted.add(o.method() + " " + o.path() + " -> " + response.statusCode());
      }
    }

    assertThat(unrouted).as("documented operations the node does not route").isEmpty();
  }

  @Test
  void aRunningNodeRefusesEveryUndocumentedMethodOnADocumentedPath() {
    Set<String> anyMethod =
        scanned.endpoints().stream()
            .filter(e -> e.method().equals("*"))
            .map(Endpoint::path)
            .collect(Collectors.toSet());
    Map<String, List<DocumentedOperation>> byPath =
        documented().stream().collect(Collectors.groupingBy(DocumentedOperation::path));
    List<String> served = new ArrayList<>();
    byPath.forEach(
        (path, operations) -> {
          if (anyMethod.contains(operations.get(0).endpoint().path())) {
            return; // A WebSocket answers any method (with a 400 when it is no upgrade).
          }
          for (String method : METHODS) {
            if (operations.stream().noneMatch(o -> o.method().equals(method))) {
              HttpResponse<String> response = probe(method, path, operations.get(0).spec());
              if (!unrouted(response)) {
                served.add(method + " " + path + " -> " + response.statusCode());
              }
            }
          }
        });

    assertThat(served).as("undocumented methods the node serves").isEmpty();
  }

  /**
   * The node's answer when no route matched: Pekko's rejections for an unknown path (404 {@code
   * "Not Found"}, never a resource's own 404, whose detail names what is missing) or an unrouted
   * method (405).
   */
  private static boolean unrouted(HttpResponse<String> response) {
    if (response.statusCode() == 405) {
      return true;
    }
    if (response.statusCode() != 404) {
      return false;
    }
    return NodeFixture.json(response).path("detail").asText().equals("Not Found");
  }

  /**
   * One request for an operation: path parameters filled (the first allowed value, else a fresh
   * UUID or a word), no query parameters (a missing one is a 422, still a route), {@code {}} as a
   * body.
   */
  private static HttpResponse<String> probe(String method, String path, JsonNode spec) {
    String concrete = path;
    for (JsonNode p : spec.path("parameters")) {
      if (!p.path("in").asText().equals("path")) {
        continue;
      }
      JsonNode schema = p.path("schema");
      String value =
          schema.path("enum").isArray()
              ? schema.path("enum").get(0).asText()
              : schema.path("format").asText().equals("uuid")
                  ? UUID.randomUUID().toString()
                  : "probe";
      concrete = concrete.replace("{" + p.path("name").asText() + "}", value);
    }
    assertThat(concrete).as("every path parameter documented: " + path).doesNotContain("{");
    boolean body = Set.of("POST", "PUT", "PATCH").contains(method);
    return fixture.send(method, concrete, body ? "{}" : null);
  }

  /**
   * The scanner itself, on a copy of the sources: a resource added in a new class and wired in the
   * guardian is found; a directive no route reaches is reported; a directive it cannot read fails.
   */
  @Test
  void theScannerFindsARouteAddedAnywhereAndNeverGuesses() throws IOException {
    Path copy = Files.createTempDirectory("enms-route-scan");
    try {
      scanCopy(copy);
    } finally {
      try (Stream<Path> files = Files.walk(copy)) {
        for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
  }

  private static void scanCopy(Path copy) throws IOException {
    Path httpApi = copy.resolve("http-api");
    Path node = copy.resolve("node");
    copyTree(HTTP_API_SOURCES, httpApi);
    copyTree(NODE_SOURCES, node);
    Path extra = httpApi.resolve("org/enms/http/extra/ExtraRoutes.java");
    Files.createDirectories(extra.getParent());
    Files.writeString(extra, extraRoutes("path(PathMatchers.segment().slash(\"thing\")"));
    Path guardian = node.resolve("org/enms/node/NodeGuardian.java");
    String wiring = Files.readString(guardian);

    RouteScanner unwired = RouteScanner.scanNode(httpApi, node);
    assertThat(unwired.unreached()).isNotEmpty().allMatch(at -> at.startsWith("ExtraRoutes.java:"));

    Files.writeString(
        guardian,
        wiring.replace(
            ".withRoot(LivePageRoutes.fromClasspath()::routes)",
            ".withRoot(LivePageRoutes.fromClasspath()::routes)"
                + ".with(new org.enms.http.extra.ExtraRoutes()::routes)"));
    RouteScanner wired = RouteScanner.scanNode(httpApi, node);
    assertThat(wired.unreached()).isEmpty();
    assertThat(wired.endpoints())
        .contains(new Endpoint("PUT", "/api/v1/extra/{}/thing"))
        .hasSize(scanned.endpoints().size() + 1);

    Files.writeString(extra, extraRoutes("rawPathPrefix(PathMatchers.segment().slash(\"thing\")"));
    assertThatThrownBy(() -> RouteScanner.scanNode(httpApi, node))
        .hasMessageContaining("does not read rawPathPrefix");
  }

  private static String extraRoutes(String directive) {
    return """
        package org.enms.http.extra;

        import org.apache.pekko.http.javadsl.server.AllDirectives;
        import org.apache.pekko.http.javadsl.server.PathMatchers;
        import org.apache.pekko.http.javadsl.server.Route;

        public final class ExtraRoutes extends AllDirectives {
          public Route routes() {
            return pathPrefix("extra", () -> %s, id -> put(() -> complete("x"))));
          }
        }
        """
        .formatted(directive);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }
}
