package org.enms.http.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.core.json.Json;
import org.enms.http.SocketServer;
import org.enms.http.error.ErrorHandling;
import org.enms.http.security.SecurityLayer;
import org.enms.http.security.SecuritySettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /docs} and the document over a real socket, behind the security layer with reads closed:
 * the page, every file it loads, the initializer pointing at our document, and all of it open while
 * a plant read is refused without a credential.
 */
class ApiDocsRoutesTest {
  private static final HttpClient client = HttpClient.newHttpClient();
  private static SocketServer server;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    Route api =
        new ErrorHandling()
            .wrap(
                Directives.concat(
                    ApiDocsRoutes.fromClasspath().routes(),
                    Directives.path(
                        PathMatchers.segment("api").slash("v1").slash("machines"),
                        () -> Directives.get(() -> Directives.complete("[]")))));
    // Reads closed: a JWT secret to read with, and no anonymous reads.
    SecuritySettings readsClosed =
        SecuritySettings.fromConfig(
            ConfigFactory.parseString(
                    "enms.security { jwt.secret = \"0123456789abcdef0123456789abcdef-docs\","
                        + " reads = authenticated }")
                .withFallback(ConfigFactory.load()));
    server = new SocketServer(new SecurityLayer(readsClosed).wrap(() -> api));
    base = server.base();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> send(String method, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return send("GET", path);
  }

  @Test
  void servesSwaggerUiWhoseEveryFileLoadsWithItsType() throws Exception {
    HttpResponse<String> page = get("/docs");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
    assertThat(get("/docs/").body()).isEqualTo(page.body());

    List<String> loaded = new ArrayList<>();
    Matcher refs = Pattern.compile("(?:src|href)=\"(/docs/[^\"]+)\"").matcher(page.body());
    while (refs.find()) {
      loaded.add(refs.group(1));
    }
    assertThat(loaded)
        .contains(
            "/docs/swagger-ui.css",
            "/docs/swagger-ui-bundle.js",
            "/docs/swagger-ui-standalone-preset.js",
            "/docs/swagger-initializer.js");
    for (String file : loaded) {
      HttpResponse<String> asset = get(file);
      assertThat(asset.statusCode()).as(file).isEqualTo(200);
      String type = asset.headers().firstValue("Content-Type").orElseThrow();
      if (file.endsWith(".js")) {
        assertThat(type).as(file).startsWith("text/javascript");
      } else if (file.endsWith(".css")) {
        assertThat(type).as(file).startsWith("text/css");
      } else {
        assertThat(type).as(file).isEqualTo("image/png");
      }
    }
    // The real bundle from the webjar, not a stand-in.
    assertThat(get("/docs/swagger-ui-bundle.js").body())
        .contains("SwaggerUIBundle")
        .hasSizeGreaterThan(500_000);
  }

  @Test
  void theInitializerOpensOurDocument() throws Exception {
    String initializer = get("/docs/swagger-initializer.js").body();

    assertThat(initializer).contains("url: \"/openapi.json\"").doesNotContain("petstore");
  }

  @Test
  void servesTheDocumentAsJsonAndAsYaml() throws Exception {
    HttpResponse<String> json = get("/openapi.json");
    HttpResponse<String> yaml = get("/openapi.yaml");

    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode doc = Json.mapper().readTree(json.body());
    assertThat(doc.path("openapi").asText()).startsWith("3.");
    assertThat(doc.path("paths").has("/api/v1/machines")).isTrue();
    assertThat(doc.path("paths").has("/docs")).isTrue();
    assertThat(yaml.statusCode()).isEqualTo(200);
    assertThat(yaml.headers().firstValue("Content-Type"))
        .hasValue("application/yaml; charset=UTF-8");
    assertThat(yaml.body()).isEqualTo(ApiDocument.fromClasspath().yaml());
  }

  @Test
  void isOpenWhileReadsAreClosed() throws Exception {
    assertThat(get("/api/v1/machines").statusCode()).isEqualTo(401);

    for (String path : List.of("/docs", "/docs/swagger-ui.css", "/openapi.json", "/openapi.yaml")) {
      assertThat(get(path).statusCode()).as(path).isEqualTo(200);
    }
  }

  @Test
  void revalidatesUnchangedFilesWith304() throws Exception {
    HttpResponse<String> first = get("/docs/swagger-ui-bundle.js");
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
    String etag = first.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> again =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/docs/swagger-ui-bundle.js"))
                .header("If-None-Match", etag)
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(again.statusCode()).isEqualTo(304);
  }

  @Test
  void servesNoOtherFileAndOnlyGet() throws Exception {
    HttpResponse<String> other = get("/docs/swagger-ui.js.map");
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(Json.mapper().readTree(other.body()).path("detail").asText()).isEqualTo("Not Found");
    assertThat(get("/docs/oauth2-redirect.html").statusCode()).isEqualTo(404);
    assertThat(send("POST", "/openapi.json").statusCode()).isEqualTo(405);
  }
}
