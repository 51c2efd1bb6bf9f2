package org.enms.http.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.enms.http.HttpServer;
import org.enms.http.HttpSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /health} over a real socket: each probe's record shown beside its status, in order. */
class HealthRoutesTest {
  private static final HttpClient client = HttpClient.newHttpClient();
  private static ActorTestKit testKit;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create();
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private static HealthProbe probe(String name, CompletionStage<HealthProbe.Result> result) {
    return new HealthProbe() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public CompletionStage<Result> check() {
        return result;
      }
    };
  }

  private static HttpResponse<String> health(List<HealthProbe> probes) throws Exception {
    int port =
        HttpServer.start(
                testKit.system(),
                new HttpSettings("127.0.0.1", 0, 0.15),
                new HealthRoutes(probes, "1.2.3").routes())
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS)
            .localAddress()
            .getPort();
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void showsEachComponentBetweenApiAndTheOverallStatusWithItsDetailsBesideItsStatus()
      throws Exception {
    var r =
        health(
            List.of(
                probe(
                    "database",
                    CompletableFuture.completedFuture(
                        new HealthProbe.Result(true, new DatabaseProbe.Details("timescale")))),
                probe(
                    "broker",
                    CompletableFuture.completedFuture(
                        new HealthProbe.Result(
                            true,
                            new BrokerProbe.Details("tcp://mqtt:1883", true, 2, 2, 8, 120, 1)))),
                probe(
                    "cluster",
                    CompletableFuture.completedFuture(
                        new HealthProbe.Result(
                            true, new ClusterProbe.Details("pekko://enms@n1:25520", "Up", 3))))));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body().replaceAll("\"timestamp\":\"[^\"]+\"", "\"timestamp\":\"T\""))
        .isEqualTo(
            "{\"service\":\"EnMS\",\"version\":\"1.2.3\",\"api\":{\"status\":\"healthy\"},"
                + "\"database\":{\"status\":\"healthy\",\"dialect\":\"timescale\"},"
                + "\"broker\":{\"status\":\"healthy\",\"url\":\"tcp://mqtt:1883\",\"reachable\":true,"
                + "\"subscribed_connections\":2,\"connections\":2,\"machines_accepted\":8,"
                + "\"readings_stored\":120,\"rejects\":1},"
                + "\"cluster\":{\"status\":\"healthy\",\"self\":\"pekko://enms@n1:25520\","
                + "\"self_status\":\"Up\",\"members_up\":3},"
                + "\"status\":\"healthy\",\"timestamp\":\"T\"}");
  }

  @Test
  void answers503AndShowsTheErrorOfAProbeThatFailed() throws Exception {
    var r =
        health(
            List.of(
                probe(
                    "database",
                    CompletableFuture.completedFuture(
                        new HealthProbe.Result(true, new DatabaseProbe.Details("plain")))),
                probe(
                    "broker", CompletableFuture.failedFuture(new IllegalStateException("down")))));

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body())
        .contains("\"broker\":{\"status\":\"unhealthy\",\"error\":\"down\"}")
        .contains("\"status\":\"degraded\"");
  }
}
