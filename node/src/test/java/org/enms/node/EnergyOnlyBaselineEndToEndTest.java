package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import org.enms.core.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The commonest meter file, energy alone in 15-minute intervals, gets a baseline: training with no
 * drivers falls back to the time-of-week model, reports its fit, and predicts the weekly pattern.
 */
class EnergyOnlyBaselineEndToEndTest {
  private static final String MOLDING = "c0000000-0000-0000-0000-000000000005";
  private static final String BOUNDARY = "enms-import-energy-only";
  private static final int WEEKS = 4;
  private static final int QUARTERS = WEEKS * 7 * 96;

  private static NodeFixture fixture;
  private static Instant first;

  @BeforeAll
  static void start() throws Exception {
    fixture = new NodeFixture();
    fixture.startNode(Map.of());
    // A Monday at least five weeks back, so every imported hour is settled.
    first =
        Instant.now()
            .truncatedTo(ChronoUnit.DAYS)
            .minus(Duration.ofDays(7L * (WEEKS + 1)))
            .atZone(ZoneOffset.UTC)
            .with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
            .toInstant();
    importExport();
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  private static Instant stamp(int q) {
    return first.plus(Duration.ofMinutes(15L * q));
  }

  /** kWh per quarter: 50 kWh/h on weekdays 07–19 UTC, 10 kWh/h otherwise, 8 at weekends. */
  private static double kwh(int q) {
    var t = stamp(q).atZone(ZoneOffset.UTC);
    double perHour =
        t.getDayOfWeek().getValue() >= 6 ? 8 : t.getHour() >= 7 && t.getHour() < 19 ? 50 : 10;
    double noise = (q / (7 * 96)) % 2 == 0 ? 0.1 : -0.1;
    return perHour / 4 + noise;
  }

  private static void importExport() throws Exception {
    StringBuilder csv = new StringBuilder("time,energy_kwh\n");
    for (int q = 0; q < QUARTERS; q++) {
      csv.append(stamp(q)).append(',').append(String.format("%.4f", kwh(q))).append('\n');
    }
    Map<String, String> fields =
        Map.of(
            "machine", "Injection-Molding-1",
            "value_kind", "energy_kwh",
            "timestamp_column", "time",
            "value_column", "energy_kwh",
            "stamp", "beginning",
            "interval", "15m");
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (k, v) ->
            body.append("--")
                .append(BOUNDARY)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(k)
                .append("\"\r\n\r\n")
                .append(v)
                .append("\r\n"));
    body.append("--")
        .append(BOUNDARY)
        .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"meter.csv\"\r\n")
        .append("Content-Type: text/csv\r\n\r\n")
        .append(csv)
        .append("\r\n--")
        .append(BOUNDARY)
        .append("--\r\n");
    HttpResponse<String> accepted =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + fixture.httpPort + "/api/v1/import"))
                    .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String statusUrl = Json.mapper().readTree(accepted.body()).get("status_url").asText();
    NodeFixture.await(
        "the import job",
        Duration.ofSeconds(60),
        () -> !fixture.getJson(statusUrl).get("status").asText().matches("queued|running"));
    JsonNode job = fixture.getJson(statusUrl);
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
  }

  private static JsonNode post(String path, String body) {
    HttpResponse<String> response = fixture.send("POST", path, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return NodeFixture.json(response);
  }

  @Test
  void anEnergyOnlyExportGetsATimeOfWeekBaselineThatPredictsItsWeek() {
    JsonNode model =
        post(
            "/api/v1/baseline/train",
            "{\"machine_id\": \""
                + MOLDING
                + "\", \"start_date\": \""
                + first
                + "\", \"end_date\": \""
                + stamp(QUARTERS)
                + "\"}");

    assertThat(model.get("model_type").asText()).as(model.toString()).isEqualTo("time_of_week");
    assertThat(model.get("coefficients").size()).isEqualTo(168);
    assertThat(model.get("r_squared").asDouble()).isGreaterThan(0.99);
    assertThat(model.get("cv_rmse").asDouble()).isLessThan(20);
    assertThat(Math.abs(model.get("nmbe").asDouble())).isLessThan(1);
    assertThat(model.get("validity").get("valid").asBoolean()).as(model.toString()).isTrue();
    assertThat(model.get("dropped_drivers").size()).isEqualTo(3);

    JsonNode weekday =
        post(
            "/api/v1/baseline/predict",
            "{\"machine_id\": \"" + MOLDING + "\", \"timestamp\": \"2026-03-02T10:30:00Z\"}");
    assertThat(weekday.get("predicted_energy_kwh").asDouble()).isBetween(49.0, 51.0);
    assertThat(weekday.get("features").has("tow_mon_10")).isTrue();
    JsonNode sunday =
        post(
            "/api/v1/baseline/predict",
            "{\"machine_id\": \"" + MOLDING + "\", \"timestamp\": \"2026-03-08T12:00:00Z\"}");
    assertThat(sunday.get("predicted_energy_kwh").asDouble()).isBetween(7.0, 9.0);

    JsonNode stored = fixture.getJson("/api/v1/baseline/model/" + model.get("model_id").asText());
    assertThat(stored.get("model_type").asText()).isEqualTo("time_of_week");
  }
}
