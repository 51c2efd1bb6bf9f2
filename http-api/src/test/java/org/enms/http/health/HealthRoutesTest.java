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
    return get(probes, "/health");
  }

  private static HttpResponse<String> get(List<HealthProbe> probes, String path) throws Exception {
    HealthRoutes routes = new HealthRoutes(probes, "1.2.3");
    var directives = new org.apache.pekko.http.javadsl.server.AllDirectives() {};
    int port =
        HttpServer.start(
                testKit.system(),
                new HttpSettings("127.0.0.1", 0, 0.15),
                directives.concat(
                    routes.routes(),
                    directives.pathPrefix(
                        "api", () -> directives.pathPrefix("v1", routes::v1Routes))))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS)
            .localAddress()
            .getPort();
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static final HealthProbe DATABASE_UP =
      probe(
          "database",
          CompletableFuture.completedFuture(
              new HealthProbe.Result(true, new DatabaseProbe.Details("plain"))));

  private static final HealthProbe INGEST_STALLED =
      probe(
          "ingest",
          CompletableFuture.completedFuture(
              HealthProbe.Result.unhealthy(
                  new IngestProbe.Details(12, java.time.Instant.EPOCH, null, null),
                  "12 messages waiting, no commit for 45 s")));

  @Test
  void theVoiceClientsHealthIsAlways200AndSaysDegradedWithTheReason() throws Exception {
    var r = get(List.of(DATABASE_UP, INGEST_STALLED), "/api/v1/health");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("\"status\":\"degraded\"")
        .contains("\"api\":{\"status\":\"healthy\"}")
        .contains("\"database\":{\"status\":\"healthy\"")
        .contains(
            "\"ingest\":{\"status\":\"unhealthy\",\"waiting_messages\":12,"
                + "\"last_commit\":\"1970-01-01T00:00:00Z\",\"failing_since\":null,"
                + "\"last_error\":null,\"reason\":\"12 messages waiting, no commit for 45 s\"}")
        .contains("\"reasons\":[\"ingest: 12 messages waiting, no commit for 45 s\"]");
  }

  @Test
  void readinessIs503WhileAComponentIsUnhealthyAndLivenessStays200() throws Exception {
    assertThat(get(List.of(DATABASE_UP, INGEST_STALLED), "/health/ready").statusCode())
        .isEqualTo(503);
    assertThat(get(List.of(DATABASE_UP), "/health/ready").statusCode()).isEqualTo(200);
    var live = get(List.of(DATABASE_UP, INGEST_STALLED), "/health/live");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body()).isEqualTo("{\"status\":\"alive\",\"version\":\"1.2.3\"}");
  }

  @Test
  void aProbeThatDoesNotAnswerIsUnhealthyAfterItsTimeoutAndHoldsNoOneUp() throws Exception {
    long started = System.nanoTime();
    var r = get(List.of(DATABASE_UP, probe("broker", new CompletableFuture<>())), "/api/v1/health");
    long tookMillis = (System.nanoTime() - started) / 1_000_000;
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"reasons\":[\"broker: no answer within 3 s\"]");
    assertThat(tookMillis).isLessThan(HealthRoutes.PROBE_TIMEOUT.toMillis() + 2_000);
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
        .contains(
            "\"broker\":{\"status\":\"unhealthy\",\"error\":\"down\","
                + "\"reason\":\"the check failed: down\"}")
        .contains("\"status\":\"degraded\"");
  }
}
