package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.enms.http.security.ApiKeys;
import org.enms.node.cli.TokenCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A whole node with a JWT secret and an API key configured: reads and the voice client's query
 * POSTs stay open, writes need a role, a token minted by {@code ./enms token} is accepted, health
 * shows the mode, and garbage sent to many routes never comes back with a stack trace.
 */
class SecurityEndToEndTest {
  private static final String SECRET = "end-to-end-secret-end-to-end-secret-0001";
  private static final String ADMIN_KEY = "scada-admin-key";
  private static NodeFixture fixture;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    // ./enms token reads the same configuration as the node: the secret from the environment or
    // here from a system property.
    System.setProperty("enms.security.jwt.secret", SECRET);
    ConfigFactory.invalidateCaches();
    fixture = new NodeFixture();
    fixture.startNode(
        Map.of(
            "enms.ingest.enabled",
            false,
            "enms.security.jwt.secret",
            SECRET,
            "enms.security.api-keys",
            "scada:admin:" + ApiKeys.hashHex(ADMIN_KEY)));
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
    System.clearProperty("enms.security.jwt.secret");
    ConfigFactory.invalidateCaches();
  }

  private static String token(String role) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        new CommandLine(new TokenCommand())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute("--role", role, "--subject", "e2e-" + role);
    assertThat(code).as(err.toString()).isZero();
    return out.toString().trim();
  }

  private static HttpResponse<String> send(
      String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.httpPort + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void readsAndVoiceQueriesAreOpenWritesNeedARole() throws Exception {
    assertThat(send("GET", "/api/v1/machines", null).statusCode()).isEqualTo(200);
    HttpResponse<String> detect =
        send(
            "POST",
            "/api/v1/anomaly/detect",
            "{\"machine_id\":\"" + java.util.UUID.randomUUID() + "\"}");
    assertThat(detect.statusCode()).as(detect.body()).isNotIn(401, 403);

    HttpResponse<String> anonymous = send("POST", "/api/v1/machines", "{}");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(
            send("POST", "/api/v1/machines", "{}", "Authorization", "Bearer " + token("viewer"))
                .statusCode())
        .isEqualTo(403);
    // The operator passes the layer; the route itself judges the empty body.
    assertThat(
            send("POST", "/api/v1/machines", "{}", "Authorization", "Bearer " + token("operator"))
                .statusCode())
        .isEqualTo(422);
    assertThat(
            send("POST", "/api/v1/scheduler/trigger/nope", null, "X-API-Key", ADMIN_KEY)
                .statusCode())
        .isNotIn(401, 403);
  }

  @Test
  void healthShowsTheSecurityMode() {
    var security = fixture.getJson("/api/v1/health").get("security");
    assertThat(security.get("mode").asText()).isEqualTo("enforcing");
    assertThat(security.get("reads").asText()).isEqualTo("open");
  }

  @Test
  void garbageNeverGetsAStackTrace() throws Exception {
    String admin = "Bearer " + token("admin");
    record Garbage(String method, String path, String body) {}
    List<Garbage> garbage =
        List.of(
            new Garbage("POST", "/api/v1/machines", "{not json"),
            new Garbage("POST", "/api/v1/anomaly/detect", "[[[["),
            new Garbage("POST", "/api/v1/baseline/predict", "\u0000\u0001\u0002garbage"),
            new Garbage("POST", "/api/v1/baseline/train", "{\"machine_id\": 12}"),
            new Garbage("POST", "/api/v1/baseline/train-seu", "{\"seu_name\": {\"x\": []}}"),
            new Garbage("PATCH", "/api/v1/machines/not-a-uuid", "{}"),
            new Garbage("POST", "/api/v1/tariffs", "{\"rate\": \"NaN\", \"valid_from\": 7}"),
            new Garbage("POST", "/api/v1/seus", "{\"name\": null, \"machine_ids\": \"all\"}"),
            new Garbage("POST", "/api/v1/import", "--xx\r\nnot multipart"),
            new Garbage(
                "GET", "/api/v1/timeseries/energy?machine_id=zzz&start_time=yesterday", null),
            new Garbage("GET", "/api/v1/kpi/all?machine_id=%25%00&start=x&end=y", null),
            new Garbage("GET", "/api/v1/machines/status/%E0%A4%FF", null),
            new Garbage("GET", "/api/v1/anomaly/search?limit=-5&start_date=2025-13-45", null),
            new Garbage("PUT", "/api/v1/anomaly/not-a-uuid/resolve", "{\"resolved\": \"maybe\"}"));
    for (Garbage g : garbage) {
      HttpResponse<String> response = send(g.method(), g.path(), g.body(), "Authorization", admin);
      String what =
          g.method() + " " + g.path() + " -> " + response.statusCode() + " " + response.body();
      assertThat(response.statusCode()).as(what).isBetween(400, 499);
      assertThat(response.body()).as(what).startsWith("{\"detail\":");
      assertThat(response.body()).as(what).doesNotContain("Exception", "at org.", "\tat ");
    }
  }
}
