package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pekko.actor.typed.ActorSystem;
import org.enms.core.plant.DemoPlant;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.Reading;
import org.enms.db.Database;
import org.enms.db.ReadingBatchWriter;
import org.enms.db.RollupRefresher;
import org.enms.db.testing.TestPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes in one cluster with the same schedule: baseline_retrain every 5 s. Each run records its
 * training with the time it was due; if each node ran its own scheduler, every due time would be
 * recorded twice. A trigger sent to either node reaches the one scheduler.
 */
class SchedulerClusterEndToEndTest {
  private static final UUID HVAC = DemoPlant.machineId(2);
  private static final int HOURS = 21 * 24;
  private static final Map<String, Object> SCHEDULE =
      Map.of(
          "enms.scheduler.jobs.baseline_retrain", "*/5 * * * * *",
          "enms.scheduler.jobs.anomaly_detect", "off",
          "enms.scheduler.jobs.training_cleanup", "off");

  private static NodeFixture fixture;
  private static ActorSystem<Void> second;
  private static int secondHttpPort;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    fixture = new NodeFixture();
    Instant end = Instant.now().minus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.HOURS);
    Instant start = end.minus(Duration.ofHours(HOURS));
    try (Database db =
        Database.start(TestPostgresServer.shared().settingsFor(fixture.databaseName))) {
      List<Reading> readings = new ArrayList<>();
      for (int i = 0; i < HOURS; i++) {
        double kwh = 30 + 8 * Math.sin(i * 2 * Math.PI / 24) + (i % 2 == 0 ? 0.5 : -0.5);
        readings.add(
            EnergyReading.electricity(
                HVAC, start.plus(Duration.ofHours(i)).plus(Duration.ofMinutes(30)), kwh, kwh));
      }
      new ReadingBatchWriter(db).write(readings);
      new RollupRefresher(db).refresh(start, end);
    }
    int firstPort = NodeFixture.freePort();
    List<String> seeds = List.of("pekko://enms@127.0.0.1:" + firstPort);
    Map<String, Object> first = new HashMap<>(SCHEDULE);
    first.put("pekko.remote.artery.canonical.port", firstPort);
    first.put("pekko.cluster.seed-nodes", seeds);
    fixture.startNode(first);
    secondHttpPort = NodeFixture.freePort();
    Map<String, Object> other = new HashMap<>(SCHEDULE);
    other.put("pekko.remote.artery.canonical.port", NodeFixture.freePort());
    other.put("pekko.cluster.seed-nodes", seeds);
    other.put("enms.ingest.client-id", fixture.clientId + "-b");
    other.put("enms.http.port", secondHttpPort);
    second = Node.start(fixture.config(other));
    NodeFixture.await(
        "both nodes up in one cluster",
        Duration.ofSeconds(60),
        () ->
            secondGet("/health").statusCode() == 200
                && fixture.getJson("/health").get("cluster").get("members_up").asInt() == 2);

    // The baseline the schedule retrains.
    HttpResponse<String> trained =
        fixture.send(
            "POST",
            "/api/v1/baseline/train",
            "{\"machine_id\": \""
                + HVAC
                + "\", \"start_date\": \""
                + start
                + "\", \"end_date\": \""
                + end
                + "\", \"model_type\": \"tow\"}");
    assertThat(trained.statusCode()).as(trained.body()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    if (second != null) {
      second.terminate();
      second.getWhenTerminated().toCompletableFuture().join();
    }
    fixture.close();
  }

  private static HttpResponse<String> secondGet(String path) {
    return secondSend("GET", path);
  }

  private static HttpResponse<String> secondSend(String method, String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + secondHttpPort + path))
              .method(method, HttpRequest.BodyPublishers.noBody())
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static long scheduledRuns() {
    return fixture.count(
        "SELECT count(*) FROM model_training_history WHERE trigger_type = 'scheduled'");
  }

  @Test
  void eachDueTimeRunsOnceInTheClusterAndATriggerOnEitherNodeReachesTheOneScheduler() {
    NodeFixture.await(
        "three scheduled retrains", Duration.ofSeconds(90), () -> scheduledRuns() >= 3);

    long runs = scheduledRuns();
    long dueTimes =
        fixture.count(
            "SELECT count(DISTINCT metadata->>'due_at') FROM model_training_history"
                + " WHERE trigger_type = 'scheduled'");
    assertThat(dueTimes).as("one training per due time, not one per node").isEqualTo(runs);
    assertThat(
            fixture.count(
                "SELECT count(*) FROM model_training_history WHERE trigger_type = 'scheduled'"
                    + " AND extract(second FROM CAST(metadata->>'due_at' AS timestamptz))::int"
                    + " % 5 <> 0"))
        .as("due on the cron's seconds")
        .isZero();

    JsonNode onFirst = fixture.getJson("/api/v1/scheduler/status");
    JsonNode onSecond = NodeFixture.json(secondGet("/api/v1/scheduler/status"));
    assertThat(onSecond.get("node").asText())
        .as("both nodes answer from the same scheduler")
        .isEqualTo(onFirst.get("node").asText());

    HttpResponse<String> triggered =
        secondSend("POST", "/api/v1/scheduler/trigger/training_cleanup");
    assertThat(triggered.statusCode()).as(triggered.body()).isEqualTo(200);
    NodeFixture.await(
        "the triggered clean-up seen on the first node",
        Duration.ofSeconds(20),
        () -> {
          for (JsonNode j : fixture.getJson("/api/v1/scheduler/status").get("jobs")) {
            if (j.get("id").asText().equals("training_cleanup")
                && j.path("last_run").path("cause").asText().equals("trigger")) {
              return true;
            }
          }
          return false;
        });
  }
}
