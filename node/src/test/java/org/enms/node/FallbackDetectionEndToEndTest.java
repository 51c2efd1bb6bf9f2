package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A node on which nobody trained a baseline answers {@code POST /anomaly/detect} as the voice
 * client sends it, with the isolation forest: three days of a day-shift machine (40 kWh/h from 06
 * to 22, 10 at night, ±1 % alternating) written straight to the database, with one night hour at
 * day-shift energy. Then the anomaly is resolved through the API and stays resolved.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FallbackDetectionEndToEndTest {
  private static final UUID MACHINE = DemoPlant.machineId(3);
  private static final int HOURS = 3 * 24;

  private static NodeFixture fixture;
  private static Instant start;
  private static Instant end;
  private static Instant abnormal;
  private static String anomalyId;

  @BeforeAll
  static void start() {
    fixture = new NodeFixture();
    fixture.startNode(Map.of());
    // Two minutes back: detection stops at the last complete hour the roll-ups reach.
    end = Instant.now().minus(java.time.Duration.ofMinutes(2)).truncatedTo(ChronoUnit.DAYS);
    start = end.minus(Duration.ofHours(HOURS));
    // The middle night, 03:00 UTC.
    abnormal = start.plus(Duration.ofHours(24 + 3));
    try (Database db =
        Database.start(TestPostgresServer.shared().settingsFor(fixture.databaseName))) {
      List<Reading> readings = new ArrayList<>();
      for (int i = 0; i < HOURS; i++) {
        Instant hour = start.plus(Duration.ofHours(i));
        int hourOfDay = i % 24;
        double usual = hourOfDay >= 6 && hourOfDay < 22 ? 40 : 10;
        double kwh = hour.equals(abnormal) ? 40 : usual * (i % 2 == 0 ? 1.01 : 0.99);
        readings.add(
            EnergyReading.electricity(MACHINE, hour.plus(Duration.ofMinutes(30)), kwh, kwh));
      }
      new ReadingBatchWriter(db).write(readings);
      new RollupRefresher(db).refresh(start, end);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  private static JsonNode send(String method, String path, String body, int expectedStatus) {
    HttpResponse<String> response = fixture.send(method, path, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    return NodeFixture.json(response);
  }

  @Test
  @Order(1)
  void findsTheAbnormalHourWithTheIsolationForestWhenNoBaselineExists() {
    String body =
        "{\"machine_id\": \""
            + MACHINE
            + "\", \"start\": \""
            + start
            + "\", \"end\": \""
            + end
            + "\", \"contamination\": 0.1}";

    JsonNode first = send("POST", "/api/v1/anomaly/detect", body, 200);

    assertThat(first.get("baseline_model_version").isNull()).isTrue();
    assertThat(first.get("detection_method").asText()).isEqualTo("isolation_forest");
    assertThat(first.get("total_data_points").asInt()).isEqualTo(HOURS);
    assertThat(first.get("contamination").asDouble()).isEqualTo(0.1);
    assertThat(first.get("anomalies_detected").asInt()).isEqualTo(1);
    assertThat(first.get("anomalies_saved").asInt()).isEqualTo(1);
    JsonNode spike = first.get("anomalies").get(0);
    assertThat(Instant.parse(spike.get("detected_at").asText())).isEqualTo(abnormal);
    assertThat(spike.get("anomaly_type").asText()).isEqualTo("spike");
    assertThat(spike.get("severity").asText()).isEqualTo("critical");
    assertThat(spike.get("detection_method").asText()).isEqualTo("isolation_forest");
    assertThat(spike.get("expected_value").asDouble()).isBetween(9.8, 10.2);
    anomalyId = spike.get("id").asText();

    JsonNode again = send("POST", "/api/v1/anomaly/detect", body, 200);
    assertThat(again.get("anomalies_detected").asInt()).isEqualTo(1);
    assertThat(again.get("anomalies_saved").asInt()).isZero();
    assertThat(fixture.count("SELECT count(*) FROM anomalies")).isEqualTo(1);
  }

  @Test
  @Order(2)
  void resolvesTheAnomalyOnceAndKeepsIt() {
    String path = "/api/v1/anomaly/" + anomalyId + "/resolve";

    JsonNode resolved =
        send("POST", path, "{\"resolution_notes\": \"night cleaning run, expected\"}", 200);
    JsonNode again = send("PUT", path, "{\"resolution_notes\": \"second try\"}", 200);

    assertThat(resolved.get("is_resolved").asBoolean()).isTrue();
    assertThat(resolved.get("resolution_notes").asText()).isEqualTo("night cleaning run, expected");
    assertThat(again.get("resolved_at").asText()).isEqualTo(resolved.get("resolved_at").asText());
    assertThat(again.get("resolution_notes").asText()).isEqualTo("night cleaning run, expected");
    assertThat(fixture.count("SELECT count(*) FROM anomalies WHERE is_resolved")).isEqualTo(1);
    send("POST", "/api/v1/anomaly/" + UUID.randomUUID() + "/resolve", "{}", 404);
  }

  @Test
  @Order(3)
  void createsAnAnomalyByHandAndValidatesTheBody() {
    String body =
        "{\"machine_id\": \""
            + MACHINE
            + "\", \"detected_at\": \""
            + end.minus(Duration.ofHours(2))
            + "\", \"anomaly_type\": \"drop\", \"severity\": \"warning\", \"metric_value\": 3.5}";

    JsonNode created = send("POST", "/api/v1/anomaly/create", body, 200);
    JsonNode twice = send("POST", "/api/v1/anomaly/create", body, 200);

    assertThat(created.get("success").asBoolean()).isTrue();
    assertThat(twice.get("anomaly_id").asText()).isEqualTo(created.get("anomaly_id").asText());
    assertThat(
            fixture.count(
                "SELECT count(*) FROM anomalies WHERE detection_method = 'manual'"
                    + " AND confidence_score = 0.85"))
        .isEqualTo(1);
    send("POST", "/api/v1/anomaly/create", "{\"severity\": \"bad\"}", 422);
  }
}
