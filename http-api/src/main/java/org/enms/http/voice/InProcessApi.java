package org.enms.http.voice;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.Materializer;
import org.enms.core.json.Json;

/**
 * Reads the API through its routes in this process: no socket, no serialisation of the request, the
 * same answer a client would get.
 */
public final class InProcessApi implements ApiReader {
  private static final long MAX_BODY_BYTES = 8L * 1024 * 1024;
  private static final long BODY_TIMEOUT_MS = 10_000;

  private final ActorSystem<?> system;
  private final Supplier<Route> routes;
  // Built once, at the first call: the routes are assembled after this object.
  private volatile org.apache.pekko.japi.function.Function<
          HttpRequest, CompletionStage<org.apache.pekko.http.javadsl.model.HttpResponse>>
      handler;

  /** {@code routes}: the assembled routes, asked at each call (they are built after this). */
  public InProcessApi(ActorSystem<?> system, Supplier<Route> routes) {
    this.system = system;
    this.routes = routes;
  }

  @Override
  public CompletionStage<JsonNode> get(String pathAndQuery) {
    try {
      if (handler == null) {
        handler = routes.get().seal().handler(system);
      }
      return handler
          .apply(HttpRequest.GET("/api/v1" + pathAndQuery))
          .thenCompose(
              response ->
                  response
                      .entity()
                      .withSizeLimit(MAX_BODY_BYTES)
                      .toStrict(BODY_TIMEOUT_MS, Materializer.matFromSystem(system))
                      .thenApply(
                          strict -> {
                            JsonNode body = parse(strict.getData().utf8String());
                            if (!response.status().isSuccess()) {
                              throw new ApiAnswer(response.status().intValue(), detail(body));
                            }
                            return body;
                          }));
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static JsonNode parse(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (java.io.IOException e) {
      return Json.mapper().getNodeFactory().textNode(text);
    }
  }

  private static String detail(JsonNode body) {
    JsonNode detail = body.path("detail");
    return detail.isTextual() ? detail.asText() : detail.toString();
  }
}
