package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.enms.core.json.Json;
import org.enms.core.plant.DemoPlant;
import org.enms.http.docs.ApiDocument;
import org.enms.http.security.ApiKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Garbage in every path parameter and every typed query parameter of every documented operation,
 * sent to a whole node over a real socket with an admin key (so writes reach their routes rather
 * than stopping at the security layer). Each answer must be a 4xx in the original's error format
 * ({@code {"detail": …}}), never a 5xx, a stack trace or a raw Pekko rejection text. A value that
 * is no UUID where the document says {@code format: uuid} is FastAPI's 422, as the original's typed
 * parameters are; in a path it names the parameter. A NUL anywhere in the path or query is the root
 * handler's 400 (PostgreSQL text cannot hold one: it was a 500 on name lookups, and {@code trim()}
 * turned {@code ?machine_id=%00} into no filter).
 */
class HostileRequestsEndToEndTest {
  private static final String ADMIN_KEY = "hostile-requests-admin-key";

  /** Path segments as sent (already percent-encoded where needed). */
  private static final List<String> GARBAGE =
      List.of(
          "not-a-uuid",
          "12345",
          "-1",
          "1-2-3-4-5",
          "c0000000-0000-0000-0000-00000000000g",
          "c0000000-0000-0000-0000-0000000000011",
          "%27%3B%20DROP%20TABLE%20machines%3B--",
          "%00",
          "%E2%82%AC%F0%9F%98%80",
          "%FF%FE",
          "null",
          "a".repeat(300));

  private static NodeFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new NodeFixture();
    fixture.startNode(
        Map.of(
            "enms.ingest.enabled",
            false,
            "enms.security.rate-limit.per-second",
            0,
            "enms.security.api-keys",
            "hostile:admin:" + ApiKeys.hashHex(ADMIN_KEY)));
  }

  @AfterAll
  static void stop() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
  }

  static Stream<DocumentedOperation> withPathParameters() {
    return operations().filter(o -> !o.parameters("path").isEmpty());
  }

  static Stream<DocumentedOperation> withTypedQueryParameters() {
    return operations().filter(o -> o.parameters("query").stream().anyMatch(p -> typed(p)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withPathParameters")
  void garbageInAPathParameterIsA4xxWithDetail(DocumentedOperation o) {
    List<String> wrong = new ArrayList<>();
    for (JsonNode hostile : o.parameters("path")) {
      for (String garbage : GARBAGE) {
        String path = o.path();
        for (JsonNode p : o.parameters("path")) {
          String value = p == hostile ? garbage : validValue(p);
          path = path.replace("{" + p.path("name").asText() + "}", value);
        }
        judge(o, path + requiredQuery(o), hostile, garbage).ifPresent(wrong::add);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withTypedQueryParameters")
  void garbageInATypedQueryParameterIsA4xxWithDetail(DocumentedOperation o) {
    String path = o.path();
    for (JsonNode p : o.parameters("path")) {
      path = path.replace("{" + p.path("name").asText() + "}", validValue(p));
    }
    List<String> wrong = new ArrayList<>();
    for (JsonNode hostile : o.parameters("query")) {
      if (!typed(hostile)) {
        continue;
      }
      String name = hostile.path("name").asText();
      for (String garbage : List.of("not-a-uuid", "%00", "1e999", "-99999999999999999999")) {
        String query = requiredQuery(o, name) + (requiredQuery(o, name).isEmpty() ? "?" : "&");
        String uri = path + query + name + "=" + garbage;
        judge(o, uri, hostile, garbage).ifPresent(wrong::add);
      }
    }
    assertThat(wrong).isEmpty();
  }

  /**
   * Sends {@code uri} and says what is wrong with the answer to {@code garbage} in {@code param}: a
   * 4xx with {@code detail} and no trace; where a uuid is documented FastAPI's 422, naming the
   * parameter (unless a body's problems may come first). A NUL anywhere is the root handler's 400.
   */
  private static Optional<String> judge(
      DocumentedOperation o, String uri, JsonNode param, String garbage) {
    HttpResponse<String> r = send(o.method(), uri);
    String name = param.path("name").asText();
    String in = param.path("in").asText();
    boolean uuid = param.path("schema").path("format").asText().equals("uuid");
    String problem = problem(r);
    if (problem == null && garbage.equals("%00") && r.statusCode() != 400) {
      problem = "a NUL is a 400";
    } else if (problem == null && uuid && !garbage.equals("%00")) {
      if (r.statusCode() != 422) {
        problem = "a malformed uuid is a 422";
      } else if (!hasBody(o.method()) && !names(r, in, name)) {
        problem = "the 422 names [" + in + ", " + name + "]";
      }
    }
    return Optional.ofNullable(problem)
        .map(p -> o.method() + " " + uri + " -> " + r.statusCode() + " " + r.body() + ": " + p);
  }

  /** What is wrong with an answer to garbage, or null: a 4xx with {@code detail} and no trace. */
  private static String problem(HttpResponse<String> r) {
    if (r.statusCode() < 400 || r.statusCode() > 499) {
      return "not a 4xx";
    }
    String type = r.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("application/json")) {
      return "not JSON: " + type;
    }
    JsonNode body;
    try {
      body = Json.mapper().readTree(r.body());
    } catch (java.io.IOException e) {
      return "unreadable JSON";
    }
    if (!body.has("detail") || body.path("detail").isNull()) {
      return "no detail";
    }
    if (r.body().contains("Exception") || r.body().contains("at org.")) {
      return "a stack trace or exception text";
    }
    return null;
  }

  /** Whether a 422's FastAPI list has an entry at {@code [where, name]}. */
  private static boolean names(HttpResponse<String> r, String where, String name) {
    for (JsonNode e : NodeFixture.json(r).path("detail")) {
      JsonNode loc = e.path("loc");
      if (loc.size() == 2
          && loc.get(0).asText().equals(where)
          && loc.get(1).asText().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A query parameter whose value has a type the server must check: a uuid, a number, a boolean, a
   * time, or one of an enumeration.
   */
  private static boolean typed(JsonNode p) {
    JsonNode schema = p.path("schema");
    String type = schema.path("type").asText();
    String format = schema.path("format").asText();
    return schema.has("enum")
        || Set.of("integer", "number", "boolean").contains(type)
        || Set.of("uuid", "date-time", "date").contains(format);
  }

  /** The operation's required query parameters with valid values, except {@code skip}. */
  private static String requiredQuery(DocumentedOperation o, String skip) {
    List<String> pairs = new ArrayList<>();
    for (JsonNode p : o.parameters("query")) {
      String name = p.path("name").asText();
      if (p.path("required").asBoolean() && !name.equals(skip)) {
        pairs.add(name + "=" + validValue(p));
      }
    }
    return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
  }

  private static String requiredQuery(DocumentedOperation o) {
    return requiredQuery(o, null);
  }

  /** A value of the parameter's type: the first allowed, a demo machine's id, a time, a word. */
  private static String validValue(JsonNode p) {
    JsonNode schema = p.path("schema");
    if (schema.path("enum").isArray()) {
      return schema.path("enum").get(0).asText();
    }
    return switch (schema.path("format").asText()) {
      case "uuid" -> DemoPlant.MACHINES.get(0).id().toString();
      case "date-time" ->
          p.path("name").asText().contains("end") ? "2025-06-02T00:00:00Z" : "2025-06-01T00:00:00Z";
      case "date" -> p.path("name").asText().contains("end") ? "2025-06-02" : "2025-06-01";
      default ->
          switch (schema.path("type").asText()) {
            case "integer", "number" ->
                schema.has("minimum") ? schema.path("minimum").asText() : "1";
            case "boolean" -> "true";
            default -> "Compressor-1";
          };
    };
  }

  private static boolean hasBody(String method) {
    return Set.of("POST", "PUT", "PATCH").contains(method);
  }

  private static HttpResponse<String> send(String method, String path) {
    return NodeFixture.exchange(
        java.net.http.HttpClient.newHttpClient(),
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + fixture.httpPort + path))
            .timeout(java.time.Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .header("X-API-Key", ADMIN_KEY)
            .method(
                method,
                hasBody(method)
                    ? java.net.http.HttpRequest.BodyPublishers.ofString("{}")
                    : java.net.http.HttpRequest.BodyPublishers.noBody())
            .build());
  }

  private static Stream<DocumentedOperation> operations() {
    try {
      return DocumentedOperation.all(Json.mapper().readTree(ApiDocument.fromClasspath().json()))
          .stream();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
