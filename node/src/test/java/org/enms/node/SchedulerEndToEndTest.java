package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.enms.core.json.Json;
import org.enms.core.plant.DemoPlant;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.ProductionReading;
import org.enms.core.reading.Reading;
import org.enms.db.Database;
import org.enms.db.ReadingBatchWriter;
import org.enms.db.RollupRefresher;
import org.enms.db.registry.DemoPlantSpec;
import org.enms.db.registry.PlantApplier;
import org.enms.db.testing.TestPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The scheduler in a node, over HTTP and WebSocket: a training job left running by a dead node is
 * failed at start; a manual training is recorded; a triggered baseline_retrain retrains the active
 * baseline through model_training_history to completed and announces it on {@code
 * /api/v1/ws/training}; unknown and unavailable jobs are refused with {@code detail}. Cron firing
 * is off here (the jobs run only when triggered), so nothing else runs meanwhile.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchedulerEndToEndTest {
  private static final UUID HVAC = DemoPlant.machineId(2);
  private static final int HOURS = 20 * 24;
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static NodeFixture fixture;
  private static Instant start;
  private static Instant end;
  private static UUID abandoned;

  @BeforeAll
  static void start() {
    fixture = new NodeFixture();
    // Two minutes back keeps the data inside the roll-ups' complete hours (see
    // BaselineAnomalyEndToEndTest).
    end = Instant.now().minus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.HOURS);
    start = end.minus(Duration.ofHours(HOURS));
    try (Database db =
        Database.start(TestPostgresServer.shared().settingsFor(fixture.databaseName))) {
      List<Reading> readings = new ArrayList<>();
      for (int i = 0; i < HOURS; i++) {
        Instant t = start.plus(Duration.ofHours(i)).plus(Duration.ofMinutes(30));
        long produced = Math.round(1000 + 600 * Math.sin(i * 0.7));
        double kwh = 20 + 0.01 * produced + (i % 2 == 0 ? 0.5 : -0.5);
        readings.add(EnergyReading.electricity(HVAC, t, kwh, kwh));
        readings.add(
            new ProductionReading(
                HVAC, t, produced, produced, 0, null, "running", null, null, null));
      }
      new ReadingBatchWriter(db).write(readings);
      new RollupRefresher(db).refresh(start, end);
      // A job whose node died an hour ago, while it ran (its machine as the node will register it).
      new PlantApplier(db).apply(DemoPlantSpec.get());
      abandoned =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              """
                              INSERT INTO model_training_history
                                (model_type, machine_id, training_status, trigger_type,
                                 created_at, training_start)
                              VALUES ('baseline', :machine, 'running', 'manual',
                                      now() - interval '1 hour', now() - interval '1 hour')
                              RETURNING id
                              """)
                          .bind("machine", HVAC)
                          .mapTo(UUID.class)
                          .one());
    }
    fixture.startNode(
        Map.of(
            "enms.scheduler.jobs.baseline_retrain", "off",
            "enms.scheduler.jobs.anomaly_detect", "off",
            "enms.scheduler.jobs.training_cleanup", "off"));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static String status(UUID job) {
    return fixture.text(
        "SELECT training_status FROM model_training_history WHERE id = '" + job + "'");
  }

  @Test
  @Order(1)
  void aTrainingJobAbandonedByItsNodeIsFailedWhenTheSchedulerStarts() {
    NodeFixture.await("the abandoned job failed", WAIT, () -> "failed".equals(status(abandoned)));
    assertThat(
            fixture.text(
                "SELECT error_message FROM model_training_history WHERE id = '" + abandoned + "'"))
        .isEqualTo("Job timed out - exceeded 30 minute limit");
  }

  @Test
  @Order(2)
  void aManualTrainingIsRecordedAsCompleted() {
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
                + "\", \"drivers\": [\"total_production_count\"]}");
    assertThat(trained.statusCode()).as(trained.body()).isEqualTo(200);

    assertThat(
            fixture.text(
                "SELECT training_status || ' ' || trigger_type || ' ' || triggered_by || ' v'"
                    + " || model_version || ' ' || training_samples FROM model_training_history"
                    + " WHERE trigger_type = 'manual' AND id <> '"
                    + abandoned
                    + "'"))
        .isEqualTo("completed manual api v1 " + HOURS);

    HttpResponse<String> refused =
        fixture.send(
            "POST",
            "/api/v1/baseline/train",
            "{\"machine_id\": \""
                + HVAC
                + "\", \"start_date\": \"2020-01-01\", \"end_date\": \"2020-02-01\"}");
    assertThat(refused.statusCode()).as("refused as without the record").isEqualTo(400);
    assertThat(
            fixture.text(
                "SELECT training_status || ': ' || error_message FROM model_training_history"
                    + " WHERE training_data_start = '2020-01-01T00:00:00Z'"))
        .isEqualTo("failed: " + NodeFixture.json(refused).get("detail").asText());
  }

  @Test
  @Order(3)
  void aTriggeredRetrainMovesItsJobToCompletedAndAnnouncesIt() throws Exception {
    Events events = Events.connect("ws://127.0.0.1:" + fixture.httpPort + "/api/v1/ws/training");
    events.next("connection");

    HttpResponse<String> triggered =
        fixture.send("POST", "/api/v1/scheduler/trigger/baseline_retrain", null);

    assertThat(triggered.statusCode()).as(triggered.body()).isEqualTo(200);
    JsonNode body = NodeFixture.json(triggered);
    assertThat(body.get("success").asBoolean()).isTrue();
    assertThat(body.get("message").asText()).isEqualTo("Job 'baseline_retrain' started");

    JsonNode started = events.next("training_started").get("data");
    String job = started.get("job_id").asText();
    assertThat(started.get("machine_id").asText()).isEqualTo(HVAC.toString());
    assertThat(started.get("trigger_type").asText()).isEqualTo("scheduled");
    assertThat(events.next("training_progress").get("data").get("state").asText())
        .isEqualTo("running");
    JsonNode completed = events.next("training_completed").get("data");
    assertThat(completed.get("job_id").asText()).isEqualTo(job);
    assertThat(completed.get("status").asText()).isEqualTo("completed");
    assertThat(completed.get("model_version").asInt()).isEqualTo(2);
    assertThat(completed.get("metrics").get("r_squared").asDouble()).isGreaterThan(0.9);
    events.close();

    assertThat(
            fixture.text(
                "SELECT training_status || ' ' || trigger_type || ' ' || triggered_by || ' v'"
                    + " || model_version || ' ' || (metadata->>'job')"
                    + " FROM model_training_history WHERE id = '"
                    + job
                    + "'"))
        .isEqualTo("completed scheduled scheduler v2 baseline_retrain");
    assertThat(
            fixture.count(
                "SELECT count(*) FROM energy_baselines WHERE is_active AND model_version = 2"
                    + " AND machine_id = '"
                    + HVAC
                    + "'"))
        .as("the retrained model is the active one")
        .isEqualTo(1);
    assertThat(
            fixture.text(
                "SELECT array_to_string(feature_names, ',') FROM energy_baselines"
                    + " WHERE model_version = 2"))
        .as("retrained with the same drivers")
        .isEqualTo("total_production_count");
    NodeFixture.await(
        "the run's end in the status",
        WAIT,
        () ->
            job("baseline_retrain").path("last_run").path("outcome").asText().equals("succeeded"));
    assertThat(job("baseline_retrain").get("last_run").get("message").asText())
        .startsWith("retrained 1 of 1 active baselines");
  }

  @Test
  @Order(4)
  void triggeringTheCleanUpFailsAJobStuckForMoreThanThirtyMinutes() {
    UUID stuck = UUID.randomUUID();
    fixture.count(
        "WITH i AS (INSERT INTO model_training_history (id, model_type, machine_id,"
            + " training_status, trigger_type, created_at) VALUES ('"
            + stuck
            + "', 'baseline', '"
            + HVAC
            + "', 'pending', 'scheduled', now() - interval '31 minutes') RETURNING 1)"
            + " SELECT count(*) FROM i");

    HttpResponse<String> triggered =
        fixture.send("POST", "/api/v1/scheduler/trigger/training_cleanup", null);

    assertThat(triggered.statusCode()).as(triggered.body()).isEqualTo(200);
    NodeFixture.await("the stuck job failed", WAIT, () -> "failed".equals(status(stuck)));
  }

  @Test
  @Order(5)
  void anUnknownJobIs404AndTheKpiJobRuns() {
    HttpResponse<String> unknown =
        fixture.send("POST", "/api/v1/scheduler/trigger/baseline_retrian", null);
    HttpResponse<String> kpi =
        fixture.send("POST", "/api/v1/scheduler/trigger/kpi_calculate", null);

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(NodeFixture.json(unknown).get("detail").asText())
        .startsWith("Job 'baseline_retrian' not found");
    assertThat(kpi.statusCode()).as(kpi.body()).isEqualTo(200);
    assertThat(NodeFixture.json(kpi).get("message").asText())
        .isEqualTo("Job 'kpi_calculate' started");
    assertThat(job("kpi_calculate").get("next_run").isNull()).isFalse();
  }

  @Test
  @Order(6)
  void healthShowsTheSchedulerInTheOriginalsShape() {
    JsonNode scheduler = fixture.getJson("/api/v1/health").get("scheduler");

    assertThat(scheduler.get("enabled").asBoolean()).isTrue();
    assertThat(scheduler.get("running").asBoolean()).isTrue();
    assertThat(scheduler.get("job_count").asInt()).isEqualTo(5);
    assertThat(scheduler.get("jobs"))
        .extracting(j -> j.get("id").asText())
        .containsExactly(
            "baseline_retrain",
            "anomaly_detect",
            "kpi_calculate",
            "training_cleanup",
            "model_evaluate");
    assertThat(scheduler.get("jobs").get(0).get("trigger").asText()).isEqualTo("off");
    assertThat(scheduler.get("jobs").get(0).has("next_run")).isTrue();
  }

  private static JsonNode job(String id) {
    for (JsonNode j : fixture.getJson("/api/v1/scheduler/status").get("jobs")) {
      if (j.get("id").asText().equals(id)) {
        return j;
      }
    }
    throw new AssertionError("no job " + id);
  }

  /** A WebSocket client that queues the messages it receives. */
  private static final class Events implements WebSocket.Listener, AutoCloseable {
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static Events connect(String uri) throws Exception {
      Events events = new Events();
      events.socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(URI.create(uri), events)
              .get(10, TimeUnit.SECONDS);
      return events;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          received.add(Json.mapper().readTree(partial.toString()));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    /** The next message of that type, skipping others. */
    JsonNode next(String type) throws InterruptedException {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        JsonNode m = received.poll(100, TimeUnit.MILLISECONDS);
        if (m != null && m.path("type").asText().equals(type)) {
          return m;
        }
      }
      throw new AssertionError("no " + type + " message within " + WAIT);
    }

    @Override
    public void close() {
      socket.abort();
    }
  }
}
