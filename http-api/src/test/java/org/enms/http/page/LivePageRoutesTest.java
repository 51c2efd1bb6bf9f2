package org.enms.http.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.enms.http.HttpServer;
import org.enms.http.HttpSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The live page's files over a real socket: types, caching, revalidation, and nothing else. */
class LivePageRoutesTest {
  private static final HttpClient client = HttpClient.newHttpClient();
  private static ActorTestKit testKit;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    testKit = ActorTestKit.create();
    int port =
        HttpServer.start(
                testKit.system(),
                new HttpSettings("127.0.0.1", 0, 0.15),
                LivePageRoutes.fromClasspath().routes())
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS)
            .localAddress()
            .getPort();
    base = "http://127.0.0.1:" + port;
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)));
  }

  @Test
  void servesThePageAtTheRootAsUtf8HtmlThatIsAlwaysRevalidated() throws Exception {
    HttpResponse<String> page = get("/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(page.headers().firstValue("ETag")).isPresent();
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'", "connect-src 'self'");
    assertThat(page.body())
        .contains("<table id=\"machines\"", "id=\"anomalies\"", "/assets/live.js");
  }

  @Test
  void servesItsScriptStylesAndIconWithTheirTypes() throws Exception {
    assertThat(get("/assets/live.js").headers().firstValue("Content-Type"))
        .hasValue("text/javascript; charset=UTF-8");
    assertThat(get("/assets/live.js").body()).contains("/api/v1/ws/dashboard");
    assertThat(get("/assets/live.css").headers().firstValue("Content-Type"))
        .hasValue("text/css; charset=UTF-8");
    assertThat(get("/assets/favicon.svg").headers().firstValue("Content-Type"))
        .hasValue("image/svg+xml");
  }

  @Test
  void answersAnUnchangedFileWith304() throws Exception {
    String etag = get("/assets/live.js").headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> again =
        send(
            HttpRequest.newBuilder(URI.create(base + "/assets/live.js"))
                .header("If-None-Match", etag));

    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(
            send(HttpRequest.newBuilder(URI.create(base + "/assets/live.js"))
                    .header("If-None-Match", "\"something-older\""))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void servesNothingElse() throws Exception {
    assertThat(get("/assets/secret.txt").statusCode()).isEqualTo(404);
    assertThat(get("/assets/../index.html").statusCode()).isEqualTo(404);
    assertThat(get("/index.html").statusCode()).isEqualTo(404);
    assertThat(get("/health").statusCode()).isEqualTo(404);
    assertThat(
            send(HttpRequest.newBuilder(URI.create(base + "/"))
                    .POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode())
        .isEqualTo(405);
  }
}
