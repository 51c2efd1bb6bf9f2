package org.enms.http.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.enms.core.json.Json;
import org.enms.http.RouteHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/scheduler} over a real socket, in front of a scheduler the test fakes. */
class SchedulerRoutesTest {
  private static RouteHarness api;

  private static final SchedulerStatus STATUS =
      new SchedulerStatus(
          true,
          true,
          1,
          List.of(
              new JobStatus(
                  "baseline_retrain",
                  "Weekly Baseline Retraining",
                  Instant.parse("2026-11-29T02:00:00Z"),
                  "cron[0 2 * * 0, UTC]",
                  "0 2 * * 0",
                  "scheduled",
                  null,
                  null,
                  0,
                  0)),
          "pekko://enms@127.0.0.1:25520",
          "UTC");

  /** Answers as the real scheduler would for a few job ids. */
  private static final Scheduler FAKE =
      new Scheduler() {
        @Override
        public CompletionStage<SchedulerStatus> status() {
          return CompletableFuture.completedFuture(STATUS);
        }

        @Override
        public CompletionStage<TriggerResult> trigger(String jobId) {
          return switch (jobId) {
            case "baseline_retrain" ->
                CompletableFuture.completedFuture(
                    TriggerResult.started("Job 'baseline_retrain' started"));
            case "anomaly_detect" ->
                CompletableFuture.completedFuture(
                    TriggerResult.refused(TriggerResult.Refusal.RUNNING, "already running"));
            case "kpi_calculate" ->
                CompletableFuture.completedFuture(
                    TriggerResult.refused(TriggerResult.Refusal.UNAVAILABLE, "KPIs not built"));
            case "silent" ->
                CompletableFuture.failedFuture(new SchedulerUnavailable("did not answer"));
            default ->
                CompletableFuture.completedFuture(
                    TriggerResult.refused(
                        TriggerResult.Refusal.NOT_FOUND, "Job '" + jobId + "' not found"));
          };
        }
      };

  @BeforeAll
  static void start() throws Exception {
    api = new RouteHarness(new SchedulerRoutes(FAKE)::routes);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static HttpResponse<String> send(String method, String path) throws Exception {
    return method.equals("POST") ? api.post("/api/v1" + path, "") : api.get("/api/v1" + path);
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.mapper().readTree(r.body());
  }

  @Test
  void statusListsTheJobsInTheOriginalsFields() throws Exception {
    var r = send("GET", "/scheduler/status");

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = json(r);
    assertThat(body.get("enabled").asBoolean()).isTrue();
    assertThat(body.get("running").asBoolean()).isTrue();
    assertThat(body.get("job_count").asInt()).isEqualTo(1);
    JsonNode job = body.get("jobs").get(0);
    assertThat(job.get("id").asText()).isEqualTo("baseline_retrain");
    assertThat(job.get("name").asText()).isEqualTo("Weekly Baseline Retraining");
    assertThat(job.get("next_run").asText()).isEqualTo("2026-11-29T02:00:00Z");
    assertThat(job.get("trigger").asText()).isEqualTo("cron[0 2 * * 0, UTC]");
  }

  @Test
  void aStartedJobIsTheOriginalsSuccessAndMessage() throws Exception {
    RouteHarness.assertJson(
        send("POST", "/scheduler/trigger/baseline_retrain"),
        200,
        "{\"success\": true, \"message\": \"Job 'baseline_retrain' started\"}");
  }

  @Test
  void refusalsAre404409And503WithDetail() throws Exception {
    var unknown = send("POST", "/scheduler/trigger/nope");
    var running = send("POST", "/scheduler/trigger/anomaly_detect");
    var kpi = send("POST", "/scheduler/trigger/kpi_calculate");
    var silent = send("POST", "/scheduler/trigger/silent");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).get("detail").asText()).isEqualTo("Job 'nope' not found");
    assertThat(running.statusCode()).isEqualTo(409);
    assertThat(json(running).get("detail").asText()).isEqualTo("already running");
    assertThat(kpi.statusCode()).isEqualTo(409);
    assertThat(json(kpi).get("detail").asText()).isEqualTo("KPIs not built");
    assertThat(silent.statusCode()).isEqualTo(503);
    assertThat(json(silent).get("detail").asText()).isEqualTo("did not answer");
  }

  @Test
  void triggeringNeedsAPost() throws Exception {
    var r = send("GET", "/scheduler/trigger/baseline_retrain");

    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(json(r).has("detail")).isTrue();
  }
}
