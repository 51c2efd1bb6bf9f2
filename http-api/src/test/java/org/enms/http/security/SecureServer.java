package org.enms.http.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.enms.http.HttpServer;
import org.enms.http.HttpSettings;
import org.enms.http.error.ErrorHandling;

/**
 * A few stand-in routes of each kind (reads, writes, a voice query POST, an admin action, an upload
 * with its own larger size limit) inside the security layer, bound over a real socket as the node
 * binds them: the layer judges a request by method and path only.
 */
final class SecureServer implements AutoCloseable {
  static final String SECRET = "0123456789abcdef0123456789abcdef-test-secret";
  static final String OPERATOR_KEY = "integration-key-1";
  static final int UPLOAD_LIMIT = 4 * 1024 * 1024;

  private final ActorTestKit testKit = ActorTestKit.create();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final int port;

  SecureServer(SecuritySettings settings) throws Exception {
    Route routes =
        new ErrorHandling()
            .wrap(
                Directives.pathPrefix(
                    "api", () -> Directives.pathPrefix("v1", SecureServer::resources)));
    Route root = new SecurityLayer(settings).wrap(() -> routes);
    port =
        HttpServer.start(testKit.system(), new HttpSettings("127.0.0.1", 0, 0.15), root)
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS)
            .localAddress()
            .getPort();
  }

  private static Route resources() {
    return Directives.concat(
        Directives.path(
            "machines",
            () ->
                Directives.concat(
                    Directives.get(() -> Directives.complete("[]")),
                    Directives.post(
                        () ->
                            Directives.entity(
                                Unmarshaller.entityToString(),
                                body ->
                                    Directives.complete(
                                        StatusCodes.CREATED,
                                        "{\"bytes\":" + body.length() + "}"))))),
        Directives.path(
            PathMatchers.segment("anomaly").slash("detect"),
            () -> Directives.post(() -> Directives.complete("{\"anomalies_detected\":0}"))),
        Directives.path(
            PathMatchers.segment("scheduler").slash("trigger").slash(PathMatchers.segment()),
            id -> Directives.post(() -> Directives.complete("{\"success\":true}"))),
        Directives.path(
            "import",
            () ->
                Directives.post(
                    () ->
                        Directives.withSizeLimit(
                            UPLOAD_LIMIT,
                            () ->
                                Directives.entity(
                                    Unmarshaller.entityToString(),
                                    body ->
                                        Directives.complete(
                                            StatusCodes.ACCEPTED,
                                            "{\"bytes\":" + body.length() + "}"))))));
  }

  static SecuritySettings enforcing(boolean readsOpen) {
    return new SecuritySettings(
        SECRET,
        "",
        "",
        List.of("integration:operator:" + ApiKeys.hashHex(OPERATOR_KEY)),
        readsOpen,
        1000,
        1000,
        1000,
        Duration.ofMinutes(1),
        List.of(),
        1024 * 1024);
  }

  HttpResponse<String> send(String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    testKit.shutdownTestKit();
  }
}
