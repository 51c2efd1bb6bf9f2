package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * A retrained baseline reaches the live entity and changes what it expects, seen through {@code GET
 * /api/v1/machines/{id}/expected}: six weeks of an energy-only machine (weekdays 07–19 UTC at 40
 * kWh/h for three weeks, then 60 kWh/h; nights and weekends a quarter of that) written straight to
 * the database. Before any training the entity expects from its robust profile; a baseline trained
 * on the first three weeks (time of week, as there is no driver) makes it expect 40 kW on a weekday
 * morning, and one retrained on the last three weeks 60 kW, each after {@code baseline.trained}
 * (which a WebSocket client sees) reached the entity over the cluster's pub-sub.
 */
class RetrainedBaselineLiveEndToEndTest {
  private static final UUID CONVEYOR = DemoPlant.machineId(3);
  private static final int WEEKS = 6;

  private static NodeFixture fixture;
  private static Instant first;

  /** A Tuesday 10:30 UTC after the data, where both models have their weekday-morning level. */
  private static Instant tuesdayMorning;

  @BeforeAll
  static void start() {
    fixture = new NodeFixture();
    fixture.startNode(Map.of());
    // The Monday that starts six whole weeks ending before this week.
    first =
        Instant.now()
            .truncatedTo(ChronoUnit.DAYS)
            .atZone(ZoneOffset.UTC)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            .minusWeeks(WEEKS)
            .toInstant();
    tuesdayMorning = first.plus(Duration.ofDays(7L * WEEKS + 1)).plus(Duration.ofMinutes(630));
    List<Reading> readings = new ArrayList<>();
    for (int h = 0; h < WEEKS * 168; h++) {
      Instant hour = first.plus(Duration.ofHours(h));
      double kwh = kwh(h);
      readings.add(EnergyReading.electricity(CONVEYOR, hour.plusSeconds(1800), kwh, kwh));
    }
    try (Database db =
        Database.start(TestPostgresServer.shared().settingsFor(fixture.databaseName))) {
      new ReadingBatchWriter(db).write(readings);
      new RollupRefresher(db).refresh(first, first.plus(Duration.ofDays(7L * WEEKS)));
    }
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** kWh in hour {@code h}; ±0.1 by week, so that no fit is exact. */
  private static double kwh(int h) {
    var t = first.plus(Duration.ofHours(h)).atZone(ZoneOffset.UTC);
    double day = h < 3 * 168 ? 40 : 60;
    boolean working = t.getDayOfWeek().getValue() <= 5 && t.getHour() >= 7 && t.getHour() < 19;
    return (working ? day : day / 4) + ((h / 168) % 2 == 0 ? 0.1 : -0.1);
  }

  private static JsonNode expected() {
    HttpResponse<String> response =
        fixture.get("/api/v1/machines/" + CONVEYOR + "/expected?at=" + tuesdayMorning);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return NodeFixture.json(response);
  }

  private static JsonNode train(Instant from, Instant to) {
    HttpResponse<String> response =
        fixture.send(
            "POST",
            "/api/v1/baseline/train",
            "{\"machine_id\": \""
                + CONVEYOR
                + "\", \"start_date\": \""
                + from
                + "\", \"end_date\": \""
                + to
                + "\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return NodeFixture.json(response);
  }

  /** Polls the entity's expectation until it is the baseline's at {@code kw}. */
  private static JsonNode awaitBaselineExpectation(double kw) {
    JsonNode[] last = new JsonNode[1];
    try {
      NodeFixture.await(
          "the entity to expect " + kw + " kW from its baseline",
          Duration.ofSeconds(30),
          () -> {
            last[0] = expected();
            return last[0].get("method").asText().equals("baseline_residual")
                && Math.abs(last[0].get("expected_power_kw").asDouble() - kw) < 1.0;
          });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; last answer: " + last[0], e);
    }
    return last[0];
  }

  @Test
  void eachTrainedModelReachesTheLiveEntityAndChangesItsExpectation() throws Exception {
    JsonNode before = expected();
    assertThat(before.get("machine_name").asText()).isEqualTo("Conveyor-A");
    assertThat(Instant.parse(before.get("at").asText())).isEqualTo(tuesdayMorning);
    assertThat(before.get("method").asText()).as(before.toString()).isEqualTo("robust_profile");
    assertThat(before.get("baseline_model_type").isNull()).isTrue();
    assertThat(before.get("model_id").isNull()).isTrue();
    assertThat(before.get("model_version").isNull()).isTrue();
    assertThat(before.get("explanation").asText()).contains("Tuesday 10:00 (robust profile)");
    double fromProfile = before.get("expected_power_kw").asDouble();
    assertThat(fromProfile).isBetween(39.0, 61.0);

    try (EventLog training = new EventLog(fixture, "/api/v1/ws/training")) {
      Instant split = first.plus(Duration.ofDays(21));
      JsonNode v1 = train(first, split);
      assertThat(v1.get("model_type").asText()).isEqualTo("time_of_week");
      assertThat(v1.get("model_version").asInt()).isEqualTo(1);
      training.await(
          "baseline_trained of version 1",
          Duration.ofSeconds(30),
          m ->
              EventLog.type(m).equals("baseline_trained")
                  && m.path("data").path("machine_id").asText().equals(CONVEYOR.toString())
                  && m.path("data").path("version").asInt() == 1);

      JsonNode withV1 = awaitBaselineExpectation(40.0);
      assertThat(withV1.get("baseline_model_type").asText()).isEqualTo("time_of_week");
      assertThat(withV1.get("method").asText()).isEqualTo("baseline_residual");
      assertThat(withV1.get("model_id").asText()).isEqualTo(v1.get("model_id").asText());
      assertThat(withV1.get("model_version").asInt()).isEqualTo(1);
      assertThat(withV1.get("explanation").asText()).contains("(active baseline)");
      assertThat(withV1.get("expected_energy_kwh").asDouble())
          .isCloseTo(withV1.get("expected_power_kw").asDouble(), within(1e-9));

      JsonNode v2 = train(split, first.plus(Duration.ofDays(7L * WEEKS)));
      assertThat(v2.get("model_version").asInt()).isEqualTo(2);
      training.await(
          "baseline_trained of version 2",
          Duration.ofSeconds(30),
          m ->
              EventLog.type(m).equals("baseline_trained")
                  && m.path("data").path("version").asInt() == 2);
      JsonNode withV2 = awaitBaselineExpectation(60.0);
      assertThat(withV2.get("baseline_model_type").asText()).isEqualTo("time_of_week");
      assertThat(withV2.get("model_id").asText())
          .isEqualTo(v2.get("model_id").asText())
          .isNotEqualTo(v1.get("model_id").asText());
      assertThat(withV2.get("model_version").asInt()).isEqualTo(2);
    }
  }

  @Test
  void answersAnUnknownMachineAndABadIdInTheApisErrorShape() {
    HttpResponse<String> unknown =
        fixture.get("/api/v1/machines/" + UUID.randomUUID() + "/expected");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(NodeFixture.json(unknown).get("detail").asText()).isEqualTo("Machine not found");

    HttpResponse<String> badId = fixture.get("/api/v1/machines/not-a-uuid/expected");
    assertThat(badId.statusCode()).isEqualTo(422);
    assertThat(NodeFixture.json(badId).get("detail").toString()).contains("machine_id");

    HttpResponse<String> badTime =
        fixture.get("/api/v1/machines/" + CONVEYOR + "/expected?at=yesterday");
    assertThat(badTime.statusCode()).isEqualTo(422);
    assertThat(NodeFixture.json(badTime).get("detail").toString()).contains("at");
  }
}
