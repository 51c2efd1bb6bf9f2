package org.enms.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.core.json.Json;
import org.enms.http.error.ErrorHandling;

/**
 * One resource's routes bound under {@code /api/v1} inside the root error handler, over a real
 * socket, with assertions on the exact JSON a client receives: field order included, since clients
 * and the original API's documentation read it in that order.
 */
public final class RouteHarness implements AutoCloseable {
  private static final ObjectMapper PRETTY = Json.mapper().copy();
  private final ActorTestKit testKit = ActorTestKit.create();
  private final HttpClient client = HttpClient.newHttpClient();
  private final int port;

  public RouteHarness(Supplier<Route> resource) throws Exception {
    Route root =
        new ErrorHandling()
            .wrap(
                Directives.pathPrefix(
                    "api", () -> Directives.pathPrefix("v1", () -> resource.get())));
    ServerBinding binding =
        HttpServer.start(testKit.system(), new HttpSettings("127.0.0.1", 0, 0.15), root)
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    port = binding.localAddress().getPort();
  }

  public HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String path, String body) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> put(String path, String body) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The status and the body exactly, fields in order; {@code expected} may be pretty-printed. */
  public static void assertJson(HttpResponse<String> response, int status, String expected) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(pretty(response.body())).isEqualTo(pretty(expected));
  }

  /** As {@link #assertJson}, for bodies whose key order is not defined (built with Map.of). */
  public static void assertJsonAnyKeyOrder(
      HttpResponse<String> response, int status, String expected) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    try {
      assertThat(PRETTY.readTree(response.body()))
          .as(response.body())
          .isEqualTo(PRETTY.readTree(expected));
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  private static String pretty(String json) {
    try {
      JsonNode tree = PRETTY.readTree(json);
      return PRETTY.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  /** A stage failing as the blocking dispatcher's do: asynchronously, wrapped. */
  public static <T> CompletionStage<T> failed(RuntimeException e) {
    return CompletableFuture.supplyAsync(
        () -> {
          throw e;
        });
  }

  @Override
  public void close() {
    testKit.shutdownTestKit();
  }
}
