package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.enms.core.plant.DemoPlant;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnvironmentalReading;
import org.enms.core.reading.ProductionReading;
import org.enms.core.reading.Reading;
import org.enms.db.Database;
import org.enms.db.ReadingBatchWriter;
import org.enms.db.RollupRefresher;
import org.enms.db.testing.TestPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * History written straight to the database (as an import does) trains a baseline and feeds batch
 * anomaly detection over the API: 30 days of hourly HVAC-Main data whose energy depends linearly on
 * production and outdoor temperature, with a spike and a drop injected at known hours of the last
 * day. The noise alternates ±0.5 kWh, so no other hour can cross 2 σ.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BaselineAnomalyEndToEndTest {
  private static final UUID HVAC = DemoPlant.machineId(2);
  private static final int HOURS = 30 * 24;
  private static final int TRAIN_HOURS = 21 * 24;
  private static final int SPIKE = HOURS - 10;
  private static final int DROP = HOURS - 20;

  private static NodeFixture fixture;
  private static Instant end;
  private static Instant start;

  @BeforeAll
  static void start() {
    fixture = new NodeFixture();
    fixture.startNode(Map.of());
    // The last complete hour the node's roll-ups reach is (now - ~61 s) truncated: two minutes
    // back keeps the data inside it even when the test starts just after the hour.
    end = Instant.now().minus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.HOURS);
    start = end.minus(Duration.ofHours(HOURS));
    try (Database db =
        Database.start(TestPostgresServer.shared().settingsFor(fixture.databaseName))) {
      List<Reading> readings = new ArrayList<>();
      for (int i = 0; i < HOURS; i++) {
        Instant t = hour(i).plus(Duration.ofMinutes(30));
        double kwh = kwh(i);
        readings.add(EnergyReading.electricity(HVAC, t, kwh, kwh));
        readings.add(
            new ProductionReading(
                HVAC,
                t,
                (long) production(i),
                (long) production(i),
                0,
                null,
                "running",
                null,
                null,
                null));
        readings.add(
            new EnvironmentalReading(
                HVAC,
                t,
                outdoor(i),
                21.0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
      }
      new ReadingBatchWriter(db).write(readings);
      new RollupRefresher(db).refresh(start, end);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  private static Instant hour(int i) {
    return start.plus(Duration.ofHours(i));
  }

  private static double production(int i) {
    return Math.round(1000 + 600 * Math.sin(i * 0.7) + 300 * Math.cos(i * 0.13));
  }

  private static double outdoor(int i) {
    return 17 + 9 * Math.sin(i * 2 * Math.PI / 24 + 0.4) + 3 * Math.sin(i * 0.05);
  }

  private static double expected(int i) {
    double t = outdoor(i);
    return 20 + 0.01 * production(i) + 1.5 * Math.max(0, 18 - t) + 2 * Math.max(0, t - 18);
  }

  /** Both injected hours are even, where the noise is +0.5 kWh. */
  private static double kwh(int i) {
    double injected = i == SPIKE ? 3.0 : i == DROP ? -1.75 : 0.0;
    return expected(i) + (i % 2 == 0 ? 0.5 : -0.5) + injected;
  }

  private static JsonNode post(String path, String body, int expectedStatus) {
    HttpResponse<String> response = fixture.send("POST", path, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    return NodeFixture.json(response);
  }

  @Test
  @Order(1)
  void trainsABaselineOnTheFirstThreeWeeksThatMeetsGuideline14() {
    JsonNode model =
        post(
            "/api/v1/baseline/train",
            "{\"machine_id\": \""
                + HVAC
                + "\", \"start_date\": \""
                + start
                + "\", \"end_date\": \""
                + hour(TRAIN_HOURS)
                + "\"}",
            200);

    assertThat(model.get("machine_name").asText()).isEqualTo("HVAC-Main");
    assertThat(model.get("model_version").asInt()).isEqualTo(1);
    assertThat(model.get("training_samples").asInt()).isEqualTo(TRAIN_HOURS);
    assertThat(model.get("r_squared").asDouble()).isGreaterThan(0.99);
    assertThat(model.get("cv_rmse").asDouble()).isLessThan(30.0);
    assertThat(Math.abs(model.get("nmbe").asDouble())).isLessThan(10.0);
    assertThat(model.get("validity").get("valid").asBoolean()).isTrue();
    assertThat(model.get("meets_quality_threshold").asBoolean()).isTrue();
    assertThat(model.get("coefficients").get("total_production_count").asDouble())
        .isCloseTo(0.01, within(1e-3));
    assertThat(model.get("coefficients").get("heating_degree_hours").asDouble())
        .isCloseTo(1.5, within(0.05));
    assertThat(model.get("feature_ranges").get("heating_degree_hours").get("max").asDouble())
        .isPositive();
  }

  @Test
  @Order(2)
  void detectsExactlyTheInjectedHoursOverTheLastNineDaysAndOnlyOnce() {
    String body =
        "{\"machine_id\": \""
            + HVAC
            + "\", \"start\": \""
            + hour(TRAIN_HOURS)
            + "\", \"end\": \""
            + end
            + "\", \"contamination\": 0.1}";

    JsonNode first = post("/api/v1/anomaly/detect", body, 200);

    assertThat(first.get("machine_name").asText()).isEqualTo("HVAC-Main");
    assertThat(first.get("baseline_model_version").asInt()).isEqualTo(1);
    assertThat(first.get("total_data_points").asInt()).isEqualTo(HOURS - TRAIN_HOURS);
    assertThat(first.get("anomalies_detected").asInt()).isEqualTo(2);
    assertThat(first.get("anomalies_saved").asInt()).isEqualTo(2);
    JsonNode drop = first.get("anomalies").get(0);
    JsonNode spike = first.get("anomalies").get(1);
    assertThat(Instant.parse(drop.get("detected_at").asText())).isEqualTo(hour(DROP));
    assertThat(drop.get("anomaly_type").asText()).isEqualTo("drop");
    assertThat(drop.get("severity").asText()).isEqualTo("warning");
    assertThat(Instant.parse(spike.get("detected_at").asText())).isEqualTo(hour(SPIKE));
    assertThat(spike.get("anomaly_type").asText()).isEqualTo("spike");
    assertThat(spike.get("severity").asText()).isEqualTo("critical");
    assertThat(spike.get("expected_value").asDouble()).isCloseTo(expected(SPIKE), within(0.2));

    JsonNode again = post("/api/v1/anomaly/detect", body, 200);
    assertThat(again.get("anomalies_detected").asInt()).isEqualTo(2);
    assertThat(again.get("anomalies_saved").asInt()).isZero();
    assertThat(fixture.count("SELECT count(*) FROM anomalies")).isEqualTo(2);
  }

  @Test
  @Order(3)
  void listsTheFindingsWhereTheVoiceClientReadsThem() {
    JsonNode recent = fixture.getJson("/api/v1/anomaly/recent?limit=10&machine_id=" + HVAC);
    assertThat(recent.get("total_count").asInt()).isEqualTo(2);
    assertThat(recent.get("anomalies").get(0).get("machine_name").asText()).isEqualTo("HVAC-Main");
    assertThat(recent.get("anomalies").get(0).get("anomaly_type").asText()).isEqualTo("spike");

    JsonNode active = fixture.getJson("/api/v1/anomaly/active");
    assertThat(active.get("total_count").asInt()).isEqualTo(2);
    assertThat(active.get("by_severity").get("critical").asInt()).isEqualTo(1);
    assertThat(active.get("anomalies").get(0).get("severity").asText()).isEqualTo("critical");

    JsonNode search =
        fixture.getJson(
            "/api/v1/anomaly/search?limit=50&severity=warning&start_date="
                + hour(TRAIN_HOURS)
                + "&end_date="
                + end);
    assertThat(search.get("total_count").asInt()).isEqualTo(1);
    assertThat(search.get("anomalies").get(0).get("anomaly_type").asText()).isEqualTo("drop");

    JsonNode status = fixture.getJson("/api/v1/machines/status/HVAC-Main");
    assertThat(status.get("recent_anomalies").get("count").asInt()).isEqualTo(2);
    assertThat(status.get("recent_anomalies").get("critical").asInt()).isEqualTo(1);
  }

  @Test
  @Order(4)
  void listsExplainsAndPredictsWithTheModelByItsSeuName() {
    JsonNode models =
        fixture.getJson("/api/v1/baseline/models?seu_name=HVAC-Main&energy_source=electricity");
    assertThat(models.get("machine_id").asText()).isEqualTo(HVAC.toString());
    assertThat(models.get("total_models").asInt()).isEqualTo(1);
    JsonNode listed = models.get("models").get(0);
    assertThat(listed.get("is_active").asBoolean()).isTrue();
    assertThat(listed.get("model_version").asInt()).isEqualTo(1);

    JsonNode model =
        fixture.getJson(
            "/api/v1/baseline/model/" + listed.get("id").asText() + "?include_explanation=true");
    assertThat(model.get("machine_name").asText()).isEqualTo("HVAC-Main");
    JsonNode drivers = model.get("explanation").get("key_drivers");
    assertThat(drivers).hasSize(3);
    assertThat(drivers.get(0).get("rank").asInt()).isEqualTo(1);
    assertThat(drivers.get(0).get("direction").asText()).isEqualTo("increases");
    assertThat(model.get("explanation").get("voice_summary").asText()).contains("HVAC-Main");
    assertThat(model.get("explanation").get("accuracy_explanation").asText()).contains("excellent");

    JsonNode prediction =
        post(
            "/api/v1/baseline/predict",
            "{\"seu_name\": \"HVAC-Main\", \"energy_source\": \"electricity\", \"features\":"
                + " {\"total_production_count\": 1000, \"avg_outdoor_temp_c\": 10.0,"
                + " \"avg_load_factor\": 0.85}, \"include_message\": true}",
            200);
    assertThat(prediction.get("predicted_energy_kwh").asDouble()).isCloseTo(42.0, within(0.3));
    assertThat(prediction.get("message").asText()).contains("HVAC-Main", "kWh");
  }

  @Test
  @Order(5)
  void answersTheVoiceClientsErrorsInTheOriginalsShape() {
    HttpResponse<String> noSeu =
        fixture.send(
            "POST",
            "/api/v1/baseline/predict",
            "{\"seu_name\": \"Boiler-1\", \"energy_source\": \"electricity\", \"features\": {}}");
    assertThat(noSeu.statusCode()).isEqualTo(404);
    assertThat(NodeFixture.json(noSeu).get("detail").get("error").asText())
        .isEqualTo("SEU_NOT_FOUND");

    // Issue 8 §5: a machine without a baseline is no longer refused; the isolation forest runs
    // (here over no data at all).
    JsonNode untrained =
        post(
            "/api/v1/anomaly/detect",
            "{\"machine_id\": \""
                + DemoPlant.machineId(3)
                + "\", \"start\": \""
                + start
                + "\", \"end\": \""
                + end
                + "\"}",
            200);
    assertThat(untrained.get("machine_name").asText()).isEqualTo("Conveyor-A");
    assertThat(untrained.get("detection_method").asText()).isEqualTo("isolation_forest");
    assertThat(untrained.get("baseline_model_version").isNull()).isTrue();

    JsonNode tooLittle =
        post(
            "/api/v1/baseline/train",
            "{\"machine_id\": \""
                + HVAC
                + "\", \"start_date\": \""
                + start
                + "\", \"end_date\": \""
                + hour(40)
                + "\"}",
            400);
    assertThat(tooLittle.get("detail").asText()).contains("Insufficient data");

    JsonNode missing = post("/api/v1/baseline/train", "{\"start_date\": \"" + start + "\"}", 422);
    assertThat(missing.get("detail").toString()).contains("machine_id", "end_date");
  }

  @Test
  @Order(6)
  void trainsByTheSeuNameTheVoiceClientSaysAsTheNextVersion() {
    int year = end.minus(Duration.ofDays(15)).atZone(ZoneOffset.UTC).getYear();
    assertThat(hvacHasBaseline()).as("no SEU baseline before").isFalse();

    JsonNode trained =
        post(
            "/api/v1/baseline/train-seu",
            "{\"seu_name\": \"HVAC-Main\", \"energy_source\": \"electricity\", \"features\": [],"
                + " \"year\": "
                + year
                + "}",
            200);

    assertThat(trained.get("success").asBoolean()).as(trained.toString()).isTrue();
    assertThat(trained.get("model_version").asInt()).isEqualTo(2);
    assertThat(trained.get("r_squared").asDouble()).isGreaterThan(0.9);
    assertThat(trained.get("formula_readable").asText()).startsWith("Energy equals");
    // The SEU's ISO 50001 baseline is trained too, so the SEU list says so.
    JsonNode seuBaseline = trained.get("seu_baseline");
    assertThat(seuBaseline.get("trained").asBoolean()).as(trained.toString()).isTrue();
    assertThat(seuBaseline.get("version").asInt()).isEqualTo(1);
    assertThat(seuBaseline.get("r_squared").isNumber()).isTrue();
    assertThat(hvacHasBaseline()).isTrue();

    JsonNode unknown =
        post(
            "/api/v1/baseline/train-seu",
            "{\"seu_name\": \"Boiler-1\", \"energy_source\": \"electricity\", \"features\": [],"
                + " \"year\": "
                + year
                + "}",
            200);
    assertThat(unknown.get("success").asBoolean()).isFalse();
    assertThat(unknown.get("error").asText()).isEqualTo("SEU_NOT_FOUND");
  }

  private static boolean hvacHasBaseline() {
    for (JsonNode seu : fixture.getJson("/api/v1/seus").get("seus")) {
      if (seu.get("name").asText().startsWith("HVAC-Main ")) {
        return seu.get("has_baseline").asBoolean();
      }
    }
    throw new AssertionError("no SEU HVAC-Main in " + fixture.getJson("/api/v1/seus"));
  }
}
