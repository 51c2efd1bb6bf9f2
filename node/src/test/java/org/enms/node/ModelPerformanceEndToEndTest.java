package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Model performance on one node over real PostgreSQL and HTTP. Forty days of a molding machine's
 * hourly energy, production and outdoor temperature are imported; energy follows production and
 * heating degree hours, and in the last nine days it is 30 % higher for the same drivers. A
 * baseline trained on the first four weeks must be judged accurate on the days after them (the
 * figures recomputed here from its coefficients) and drifted on the last week, with an alert; its
 * retrain runs the real training and refuses a second one while one is unfinished; bad input is a
 * 4xx with {@code detail}. The deprecated {@code /ovos/*} aliases answer as their successors, with
 * a {@code Deprecation} header.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelPerformanceEndToEndTest {
  private static final String MOLDING = "c0000000-0000-0000-0000-000000000005";
  private static final String PUMP = "c0000000-0000-0000-0000-000000000004";
  private static final int HOURS = 40 * 24;
  private static final int TRAIN_HOURS = 28 * 24;
  private static final int SHIFT_FROM = HOURS - 9 * 24;
  private static final double SHIFT = 1.3;

  private static NodeFixture fixture;
  private static Instant first;
  private static JsonNode model;

  @BeforeAll
  static void start() {
    fixture = new NodeFixture();
    fixture.startNode(Map.of());
    // The last imported hour ends an hour before now, so every hour is complete.
    first = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(HOURS + 2L));
    importHistory();
    model =
        post(
            "/api/v1/baseline/train",
            "{\"machine_id\": \""
                + MOLDING
                + "\", \"start_date\": \""
                + stamp(0)
                + "\", \"end_date\": \""
                + stamp(TRAIN_HOURS)
                + "\", \"model_type\": \"ols\","
                + " \"drivers\": [\"total_production_count\", \"heating_degree_hours\"]}",
            200);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** °C as imported (two decimals), so the test's expectations use the stored value. */
  private static double outdoor(int i) {
    return Double.parseDouble(
        String.format(Locale.ROOT, "%.2f", 12 + 8 * Math.sin(2 * Math.PI * i / 24.0)));
  }

  private static int production(int i) {
    return 40 + (i * 37) % 60;
  }

  /** kWh as imported (four decimals). */
  private static double kwh(int i) {
    double expected = 15 + 0.25 * production(i) + 1.2 * Math.max(0, 18 - outdoor(i));
    double noise = (i % 3 - 1) * 0.4;
    double v = (expected + noise) * (i >= SHIFT_FROM ? SHIFT : 1.0);
    return Double.parseDouble(String.format(Locale.ROOT, "%.4f", v));
  }

  /**
   * Interval-ending rows: hour i is stamped at its end, the start of the bucket it is stored in.
   */
  private static Instant stamp(int i) {
    return first.plus(Duration.ofHours(i + 1L));
  }

  private static void importHistory() {
    StringBuilder csv = new StringBuilder("time,energy_kwh,parts,outdoor\n");
    for (int i = 0; i < HOURS; i++) {
      csv.append(stamp(i))
          .append(',')
          .append(String.format(Locale.ROOT, "%.4f", kwh(i)))
          .append(',')
          .append(production(i))
          .append(',')
          .append(String.format(Locale.ROOT, "%.2f", outdoor(i)))
          .append('\n');
    }
    JsonNode job =
        fixture.importToEnd(
            Map.of(
                "machine", "Injection-Molding-1",
                "value_kind", "energy_kwh",
                "timestamp_column", "time",
                "value_column", "energy_kwh",
                "production_column", "parts",
                "drivers", "outdoor_temp_c=outdoor",
                "stamp", "ending",
                "interval", "1h"),
            "molding.csv",
            csv.toString(),
            Duration.ofSeconds(90));
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
  }

  private static JsonNode post(String path, String body, int status) {
    HttpResponse<String> r = fixture.send("POST", path, body);
    assertThat(r.statusCode()).as("POST " + path + ": " + r.body()).isEqualTo(status);
    return NodeFixture.json(r);
  }

  private static JsonNode get(String path, int status) {
    HttpResponse<String> r = fixture.get(path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(status);
    return NodeFixture.json(r);
  }

  /** What the trained model expects for hour i, from its own coefficients. */
  private static double expected(int i) {
    double sum = model.get("intercept").asDouble();
    Iterator<Map.Entry<String, JsonNode>> terms = model.get("coefficients").fields();
    while (terms.hasNext()) {
      Map.Entry<String, JsonNode> t = terms.next();
      double value =
          switch (t.getKey()) {
            case "total_production_count" -> production(i);
            case "heating_degree_hours" -> Math.max(0, 18 - outdoor(i));
            default -> throw new AssertionError("unexpected driver " + t.getKey());
          };
      sum += t.getValue().asDouble() * value;
    }
    return sum;
  }

  private static String record(String query) {
    return "/api/v1/model-performance/metrics/record?" + query;
  }

  @Test
  @Order(1)
  void aBaselineIsJudgedAccurateOnTheDaysAfterItsTraining() {
    int from = TRAIN_HOURS;
    int to = TRAIN_HOURS + 72;
    JsonNode r =
        post(
            record(
                "model_id="
                    + model.get("model_id").asText()
                    + "&model_type=baseline&machine_id="
                    + MOLDING
                    + "&evaluation_start="
                    + stamp(from)
                    + "&evaluation_end="
                    + stamp(to)),
            "{\"r_squared\": 0.5}",
            200);

    // The figures, recomputed from the model's coefficients and the imported hours.
    double sse = 0;
    double sae = 0;
    double sape = 0;
    double mean = 0;
    for (int i = from; i < to; i++) {
      mean += kwh(i);
    }
    mean /= to - from;
    double sst = 0;
    for (int i = from; i < to; i++) {
      double residual = kwh(i) - expected(i);
      sse += residual * residual;
      sae += Math.abs(residual);
      sape += Math.abs(residual) / kwh(i);
      sst += (kwh(i) - mean) * (kwh(i) - mean);
    }
    int n = to - from;
    assertThat(r.get("sample_count").asInt()).isEqualTo(n);
    assertThat(r.get("data_completeness").asDouble()).isEqualTo(1.0);
    assertThat(r.get("rmse").asDouble()).isCloseTo(Math.sqrt(sse / n), within(1e-6));
    assertThat(r.get("mae").asDouble()).isCloseTo(sae / n, within(1e-6));
    assertThat(r.get("mape").asDouble()).isCloseTo(sape / n * 100, within(1e-6));
    assertThat(r.get("r_squared").asDouble()).isCloseTo(1 - sse / sst, within(1e-6));
    assertThat(r.get("drift_detected").asBoolean()).isFalse();
    assertThat(r.get("recommendation").asText()).isEqualTo("ok");
    assertThat(r.get("drift_type").asText()).isEqualTo("no_drift");
    assertThat(r.get("drift_threshold").asDouble()).isEqualTo(0.1);
    assertThat(r.get("alert_id").isNull()).isTrue();
    assertThat(r.get("model_version").asInt()).isEqualTo(1);
    // The training's answer rounds its figures to four decimals.
    assertThat(r.get("baseline_performance").get("r_squared").asDouble())
        .isCloseTo(model.get("r_squared").asDouble(), within(1e-4));
    assertThat(Instant.parse(r.get("evaluation_start").asText())).isEqualTo(stamp(from));
    assertThat(Instant.parse(r.get("evaluation_end").asText())).isEqualTo(stamp(to));

    // Stored: the trend lists it with the original's fields, and the client's figure is only kept.
    JsonNode trend =
        get(
            "/api/v1/model-performance/metrics/trend?model_type=baseline&machine_id=" + MOLDING,
            200);
    assertThat(trend.get("machine_name").asText()).isEqualTo("Injection-Molding-1");
    JsonNode stored = trend.get("metrics").get(0);
    assertThat(stored.get("id").asText()).isEqualTo(r.get("metric_id").asText());
    for (String field :
        List.of(
            "model_id",
            "model_type",
            "machine_id",
            "model_version",
            "evaluation_date",
            "r_squared",
            "rmse",
            "mae",
            "mape",
            "drift_detected",
            "drift_score",
            "sample_count",
            "data_completeness")) {
      assertThat(stored.has(field)).as(field).isTrue();
    }
    assertThat(stored.get("rmse").asDouble()).isCloseTo(Math.sqrt(sse / n), within(1e-6));
    assertThat(trend.get("trend_direction").asText()).isIn("improving", "stable", "degrading");
    assertThat(
            fixture.text(
                "SELECT metrics -> 'reported' ->> 'r_squared' FROM model_performance_metrics"
                    + " WHERE id = '"
                    + r.get("metric_id").asText()
                    + "'"))
        .isEqualTo("0.5");
  }

  @Test
  @Order(2)
  void theShiftedLastWeekIsDriftWithAnAlert() {
    // No model, no window: the machine's active baseline over the last seven days.
    JsonNode r = post(record("machine_id=" + MOLDING), null, 200);

    assertThat(r.get("drift_detected").asBoolean()).as(r.toString()).isTrue();
    assertThat(r.get("drift_score").asDouble()).isGreaterThan(0.1);
    assertThat(r.get("recommendation").asText()).isEqualTo("retrain");
    assertThat(r.get("model_id").asText()).isEqualTo(model.get("model_id").asText());
    // Every hour of the window is 30 % above what the model expects.
    double meanExpected = 0;
    int n = 0;
    for (int i = HOURS - 7 * 24; i < HOURS; i++) {
      meanExpected += expected(i);
      n++;
    }
    meanExpected /= n;
    assertThat(r.get("bias_kwh").asDouble()).isCloseTo(0.3 * meanExpected, within(1.0));
    assertThat(r.get("sample_count").asInt()).isBetween(7 * 24 - 3, 7 * 24);
    assertThat(r.get("alert_id").isNull()).isFalse();

    JsonNode alerts = get("/api/v1/model-performance/alerts/active?machine_id=" + MOLDING, 200);
    assertThat(alerts).hasSize(1);
    JsonNode alert = alerts.get(0);
    assertThat(alert.get("id").asText()).isEqualTo(r.get("alert_id").asText());
    assertThat(alert.get("alert_type").asText()).isEqualTo("drift_detected");
    assertThat(alert.get("severity").asText()).isIn("warning", "critical");
    assertThat(alert.get("machine_name").asText()).isEqualTo("Injection-Molding-1");
    assertThat(alert.get("model_type").asText()).isEqualTo("baseline");
    assertThat(alert.get("is_resolved").asBoolean()).isFalse();
    assertThat(alert.get("auto_action_taken").asBoolean()).isFalse();
    assertThat(alert.get("alert_message").asText()).contains("drift");
    assertThat(get("/api/v1/model-performance/alerts/active?machine_id=" + PUMP, 200)).isEmpty();

    JsonNode check =
        post(
            "/api/v1/model-performance/drift/check?model_type=baseline&machine_id="
                + MOLDING
                + "&model_id="
                + model.get("model_id").asText(),
            null,
            200);
    assertThat(check.get("drift_detected").asBoolean()).isTrue();
    assertThat(check.get("drift_type").asText()).isIn("data_drift", "concept_drift");
    assertThat(check.get("threshold").asDouble()).isEqualTo(0.1);
    assertThat(check.get("drift_score").asDouble())
        .isCloseTo(r.get("drift_score").asDouble(), within(0.05));
    assertThat(check.get("current_performance").get("rmse").asDouble())
        .isGreaterThan(model.get("rmse").asDouble() * 2);
    assertThat(check.get("baseline_performance").get("rmse").asDouble())
        .isCloseTo(model.get("rmse").asDouble(), within(1e-4));
  }

  private static void setUnfinishedJobStatus(String from, String to) {
    fixture.text(
        "UPDATE model_training_history SET training_status = '"
            + to
            + "' WHERE machine_id = '"
            + MOLDING
            + "' AND training_status = '"
            + from
            + "' RETURNING id");
  }

  @Test
  @Order(3)
  void theScheduledEvaluationStoresTheSameVerdict() {
    HttpResponse<String> triggered =
        fixture.send("POST", "/api/v1/scheduler/trigger/model_evaluate", null);
    assertThat(triggered.statusCode()).as(triggered.body()).isEqualTo(200);

    NodeFixture.await(
        "the scheduled evaluation",
        Duration.ofSeconds(60),
        () ->
            fixture.count(
                    "SELECT count(*) FROM model_performance_metrics WHERE created_by = 'scheduler'")
                == 1);
    assertThat(
            fixture.text(
                "SELECT drift_detected || ' ' || recommendation || ' ' || model_version"
                    + " FROM model_performance_metrics WHERE created_by = 'scheduler'"))
        .isEqualTo("true retrain 1");
    assertThat(get("/api/v1/model-performance/alerts/active?machine_id=" + MOLDING, 200))
        .hasSize(2);
  }

  @Test
  @Order(4)
  void aRetrainRunsTheRealTrainingAndOnlyOneAtATime() {
    // Another node's training of the machine is running.
    fixture.text(
        "INSERT INTO model_training_history (model_type, machine_id, training_status,"
            + " trigger_type, triggered_by) VALUES ('baseline', '"
            + MOLDING
            + "', 'running', 'scheduled', 'other-node') RETURNING id");
    String trigger =
        "/api/v1/model-performance/retrain/trigger?model_type=baseline&machine_id="
            + MOLDING
            + "&trigger_type=drift_detected&reason=shifted";
    JsonNode busy = post(trigger, null, 409);
    assertThat(busy.get("detail").asText()).contains("already in progress");

    setUnfinishedJobStatus("running", "failed");
    JsonNode started = post(trigger, null, 200);
    assertThat(started.get("triggered").asBoolean()).isTrue();
    assertThat(started.get("trigger_type").asText()).isEqualTo("drift_detected");
    assertThat(started.get("reason").asText()).isEqualTo("shifted");
    assertThat(started.get("estimated_completion").asText()).isNotBlank();
    String job = started.get("training_job_id").asText();

    NodeFixture.await(
        "the retraining job",
        Duration.ofSeconds(60),
        () ->
            !fixture
                .text("SELECT training_status FROM model_training_history WHERE id = '" + job + "'")
                .matches("pending|running"));
    assertThat(
            fixture.text(
                "SELECT training_status || ' ' || trigger_type || ' ' || model_version"
                    + " || ' ' || (metadata ->> 'reason')"
                    + " FROM model_training_history WHERE id = '"
                    + job
                    + "'"))
        .isEqualTo("completed drift_detected 2 shifted");
    JsonNode models = get("/api/v1/baseline/models?machine_id=" + MOLDING, 200);
    assertThat(models.toString()).contains("\"model_version\":2");
    // The new model was trained on the last 30 days with the old one's drivers.
    assertThat(
            fixture.text(
                "SELECT array_to_string(feature_names, ',') || ' ' || is_active"
                    + " FROM energy_baselines WHERE machine_id = '"
                    + MOLDING
                    + "' AND model_version = 2"))
        .isEqualTo("total_production_count,heating_degree_hours true");
    // The old model's drift alert is resolved by its replacement.
    NodeFixture.await(
        "the drift alert to be resolved",
        Duration.ofSeconds(20),
        () -> get("/api/v1/model-performance/alerts/active?machine_id=" + MOLDING, 200).isEmpty());

    // A job pending for the machine stops the next trigger, whoever started it.
    fixture.text(
        "INSERT INTO model_training_history (model_type, machine_id, training_status,"
            + " trigger_type, triggered_by) VALUES ('baseline', '"
            + MOLDING
            + "', 'pending', 'manual', 'api') RETURNING id");
    post(trigger, null, 409);
    setUnfinishedJobStatus("pending", "failed");
  }

  private static void assertDetail(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(NodeFixture.json(r).has("detail")).as(r.body()).isTrue();
  }

  @Test
  @Order(5)
  void anAbTestOnTheShiftedWeekPrefersTheRetrainedModel() {
    String retrained =
        fixture.text(
            "SELECT id FROM energy_baselines WHERE machine_id = '"
                + MOLDING
                + "' AND model_version = 2");
    JsonNode started =
        post(
            "/api/v1/model-performance/ab-test/start?test_name=v1-vs-v2&model_type=baseline"
                + "&machine_id="
                + MOLDING
                + "&model_a_id="
                + model.get("model_id").asText()
                + "&model_b_id="
                + retrained
                + "&duration_hours=168&test_start="
                + stamp(HOURS - 7 * 24),
            null,
            200);
    assertThat(started.get("status").asText()).isEqualTo("running");
    assertThat(Instant.parse(started.get("test_end").asText()))
        .isEqualTo(stamp(HOURS - 7 * 24).plus(Duration.ofHours(168)));
    assertThat(started.get("message").asText()).isNotBlank();

    JsonNode r =
        get(
            "/api/v1/model-performance/ab-test/" + started.get("test_id").asText() + "/results",
            200);
    assertThat(r.get("test_name").asText()).isEqualTo("v1-vs-v2");
    assertThat(r.get("model_a_version").asInt()).isEqualTo(1);
    assertThat(r.get("model_b_version").asInt()).isEqualTo(2);
    // v1 never saw the 30 % rise; v2 saw nine days of it among its thirty.
    assertThat(r.get("winner").asText()).as(r.toString()).isEqualTo("model_b");
    assertThat(r.get("confidence").asDouble()).isGreaterThan(0.95);
    assertThat(r.get("model_a_metrics").get("rmse").asDouble())
        .isGreaterThan(r.get("model_b_metrics").get("rmse").asDouble());
    assertThat(r.get("model_a_metrics").get("sample_count").asInt()).isBetween(165, 168);
    assertThat(r.get("days_compared").asInt()).isGreaterThanOrEqualTo(7);
    assertThat(r.get("status").asText()).isEqualTo("completed");
    assertThat(r.get("recommendation").asText()).contains("Model B");

    String ab = "/api/v1/model-performance/ab-test/";
    assertDetail(
        fixture.send(
            "POST",
            ab
                + "start?test_name=x&machine_id="
                + MOLDING
                + "&model_a_id="
                + retrained
                + "&model_b_id="
                + retrained,
            null),
        400);
    assertDetail(
        fixture.send(
            "POST",
            ab
                + "start?machine_id="
                + MOLDING
                + "&model_a_id="
                + retrained
                + "&model_b_id="
                + retrained,
            null),
        422);
    assertDetail(fixture.get(ab + "00000000-0000-0000-0000-000000000000/results"), 404);
    assertDetail(fixture.get(ab + "nope/results"), 422);
  }

  @Test
  @Order(6)
  void badInputIsA4xxWithADetail() {
    String base = "/api/v1/model-performance";
    assertDetail(fixture.send("POST", base + "/metrics/record", null), 422);
    assertDetail(fixture.send("POST", base + "/metrics/record?machine_id=nope", null), 422);
    HttpResponse<String> unknown =
        fixture.send(
            "POST", base + "/metrics/record?machine_id=00000000-0000-0000-0000-000000000000", null);
    assertDetail(unknown, 404);
    assertThat(NodeFixture.json(unknown).get("detail").asText()).isEqualTo("Machine not found");
    assertDetail(
        fixture.send(
            "POST", base + "/metrics/record?machine_id=" + MOLDING + "&model_type=forecast", null),
        400);
    assertDetail(
        fixture.send(
            "POST",
            base
                + "/metrics/record?machine_id="
                + MOLDING
                + "&evaluation_start="
                + stamp(100)
                + "&evaluation_end="
                + stamp(50),
            null),
        400);
    assertDetail(
        fixture.send(
            "POST",
            base + "/metrics/record?machine_id=" + MOLDING + "&evaluation_end=2001-01-02",
            null),
        422);
    assertDetail(fixture.send("POST", base + "/metrics/record?machine_id=" + PUMP, null), 400);
    assertDetail(
        fixture.send("POST", base + "/metrics/record?machine_id=" + MOLDING, "[1, 2]"), 422);
    assertDetail(
        fixture.send("POST", base + "/metrics/record?machine_id=" + MOLDING, "{\"rmse\": \"low\"}"),
        422);
    assertDetail(
        fixture.send(
            "POST", base + "/metrics/record?machine_id=" + MOLDING + "&model_id=" + MOLDING, null),
        404);
    assertDetail(fixture.get(base + "/metrics/trend?machine_id=" + MOLDING + "&days=0"), 422);
    assertDetail(fixture.get(base + "/metrics/trend?machine_id=" + PUMP), 404);
    assertDetail(
        fixture.send(
            "POST",
            base + "/retrain/trigger?machine_id=" + MOLDING + "&trigger_type=whenever",
            null),
        400);
    assertDetail(fixture.send("POST", base + "/retrain/trigger?machine_id=" + PUMP, null), 400);
    assertDetail(fixture.get(base + "/alerts/active?severity=loud"), 400);
    assertDetail(fixture.get(base + "/alerts/active?model_type=forecast"), 400);
    assertDetail(fixture.send("POST", base + "/drift/check?machine_id=" + PUMP, null), 400);
  }

  /** Field names, recursively for objects, with the first element standing for an array. */
  private static Set<String> shape(JsonNode node, String prefix) {
    Set<String> out = new TreeSet<>();
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              f -> {
                out.add(prefix + f.getKey());
                out.addAll(shape(f.getValue(), prefix + f.getKey() + "."));
              });
    } else if (node.isArray() && !node.isEmpty()) {
      out.addAll(shape(node.get(0), prefix + "[]."));
    }
    return out;
  }

  @Test
  @Order(7)
  void theDeprecatedOvosAliasesAnswerAsTheirSuccessors() {
    record Alias(String method, String alias, String successor, String body) {}
    String seuBody =
        "{\"seu_name\": \"No Such SEU\", \"energy_source\": \"electricity\", \"year\": 2026}";
    List<Alias> aliases =
        List.of(
            new Alias("GET", "/ovos/summary", "/factory/summary", null),
            new Alias(
                "GET",
                "/ovos/top-consumers?metric=energy&limit=3",
                "/analytics/top-consumers?metric=energy&limit=3",
                null),
            new Alias(
                "GET",
                "/ovos/top-consumers?metric=nonsense",
                "/analytics/top-consumers?metric=nonsense",
                null),
            new Alias(
                "GET",
                "/ovos/machines/Injection-Molding-1/status",
                "/machines/status/Injection-Molding-1",
                null),
            new Alias("POST", "/ovos/train-baseline", "/baseline/train-seu", seuBody),
            new Alias("POST", "/ovos/train-baseline", "/baseline/train-seu", "{}"),
            new Alias("GET", "/ovos/forecast/tomorrow", "/forecast/short-term", null),
            new Alias("GET", "/ovos/seus", "/seus", null),
            new Alias("GET", "/ovos/energy-sources", "/energy-sources", null));
    List<String> statuses = new ArrayList<>();
    for (Alias a : aliases) {
      HttpResponse<String> old = fixture.send(a.method(), "/api/v1" + a.alias(), a.body());
      HttpResponse<String> successor =
          fixture.send(a.method(), "/api/v1" + a.successor(), a.body());
      assertThat(old.statusCode())
          .as(a.alias() + ": " + old.body())
          .isEqualTo(successor.statusCode());
      assertThat(shape(NodeFixture.json(old), ""))
          .as(a.alias())
          .isEqualTo(shape(NodeFixture.json(successor), ""));
      assertThat(old.headers().firstValue("Deprecation")).as(a.alias()).hasValue("@1766534400");
      String path = a.successor().replaceAll("\\?.*", "");
      assertThat(old.headers().firstValue("Link"))
          .as(a.alias())
          .hasValue("</api/v1" + path + ">; rel=\"successor-version\"");
      assertThat(old.headers().firstValue("X-Deprecated")).hasValue("true; use=/api/v1" + path);
      assertThat(successor.headers().firstValue("Deprecation")).as(a.successor()).isEmpty();
      statuses.add(a.alias() + " " + old.statusCode());
    }
    // The cases above answer for real: a ranking, a 400 for a bad metric, a voice refusal.
    assertThat(statuses)
        .contains(
            "/ovos/top-consumers?metric=energy&limit=3 200",
            "/ovos/top-consumers?metric=nonsense 400",
            "/ovos/train-baseline 200",
            "/ovos/train-baseline 422",
            "/ovos/seus 200");
    assertThat(NodeFixture.json(fixture.get("/api/v1/ovos/seus")).get("seus")).isNotEmpty();
    HttpResponse<String> refused = fixture.send("POST", "/api/v1/ovos/train-baseline", seuBody);
    assertThat(NodeFixture.json(refused).get("success").asBoolean()).isFalse();

    // The voice proxy is not an alias; an unknown /ovos path is a 404 with a detail.
    HttpResponse<String> voice = fixture.get("/api/v1/ovos/voice/health");
    assertThat(voice.statusCode()).isEqualTo(200);
    assertThat(voice.headers().firstValue("Deprecation")).isEmpty();
    assertDetail(fixture.get("/api/v1/ovos/nothing-here"), 404);
  }
}
