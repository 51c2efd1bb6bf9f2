package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.enms.core.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The path a plant takes on adoption: upload a meter export with production and outdoor
 * temperature, train a baseline on its first weeks, then run batch anomaly detection over the rest
 * of the imported period. The export has one abnormal hour, which must be the one found.
 */
class ImportThenBaselineEndToEndTest {
  private static final String MOLDING = "c0000000-0000-0000-0000-000000000005";
  private static final String BOUNDARY = "enms-import-baseline";
  private static final int HOURS = 30 * 24;
  private static final int TRAIN_HOURS = 21 * 24;
  private static final int SPIKE = TRAIN_HOURS + 100;

  private static NodeFixture fixture;
  private static Instant first;

  @BeforeAll
  static void start() throws Exception {
    fixture = new NodeFixture();
    fixture.startNode(Map.of());
    first = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(33));
    importExport();
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  private static double outdoor(int i) {
    return 12 + 8 * Math.sin(2 * Math.PI * i / 24.0);
  }

  private static int production(int i) {
    return 40 + (i * 37) % 60;
  }

  private static double kwh(int i) {
    double expected = 15 + 0.25 * production(i) + 1.2 * Math.max(0, 18 - outdoor(i));
    double noise = (i % 3 - 1) * 0.4;
    return expected + noise + (i == SPIKE ? 12 : 0);
  }

  /** Interval-ending hourly rows: the row stamped T holds the energy of the hour before T. */
  private static Instant stamp(int i) {
    return first.plus(Duration.ofHours(i + 1L));
  }

  private static void importExport() throws Exception {
    StringBuilder csv = new StringBuilder("time,energy_kwh,parts,outdoor\n");
    for (int i = 0; i < HOURS; i++) {
      csv.append(stamp(i))
          .append(',')
          .append(String.format("%.4f", kwh(i)))
          .append(',')
          .append(production(i))
          .append(',')
          .append(String.format("%.2f", outdoor(i)))
          .append('\n');
    }
    Map<String, String> fields =
        Map.of(
            "machine", "Injection-Molding-1",
            "value_kind", "energy_kwh",
            "timestamp_column", "time",
            "value_column", "energy_kwh",
            "production_column", "parts",
            "drivers", "outdoor_temp_c=outdoor",
            "stamp", "ending",
            "interval", "1h");
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
        .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"export.csv\"\r\n")
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
    assertThat(job.get("summary").get("rows_imported").asInt()).isEqualTo(HOURS);
  }

  private static JsonNode post(String path, String body) {
    HttpResponse<String> response = fixture.send("POST", path, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return NodeFixture.json(response);
  }

  @Test
  void aBaselineTrainedOnImportedWeeksFindsTheOneAbnormalHourOfTheRest() {
    // Hour i's energy is stored at the end of hour i, i.e. in the hourly bucket starting there.
    Instant trainFrom = stamp(0);
    Instant trainTo = stamp(TRAIN_HOURS);
    JsonNode model =
        post(
            "/api/v1/baseline/train",
            "{\"machine_id\": \""
                + MOLDING
                + "\", \"start_date\": \""
                + trainFrom
                + "\", \"end_date\": \""
                + trainTo
                + "\"}");
    assertThat(model.get("r_squared").asDouble()).isGreaterThan(0.95);
    assertThat(model.get("validity").get("valid").asBoolean()).as(model.toString()).isTrue();
    assertThat(model.get("coefficients").get("total_production_count").asDouble())
        .isBetween(0.2, 0.3);

    JsonNode detected =
        post(
            "/api/v1/anomaly/detect",
            "{\"machine_id\": \""
                + MOLDING
                + "\", \"start\": \""
                + trainTo
                + "\", \"end\": \""
                + stamp(HOURS)
                + "\"}");
    assertThat(detected.get("anomalies_detected").asInt()).as(detected.toString()).isEqualTo(1);
    JsonNode spike = detected.get("anomalies").get(0);
    assertThat(spike.get("anomaly_type").asText()).isEqualTo("spike");
    assertThat(Instant.parse(spike.get("detected_at").asText())).isEqualTo(stamp(SPIKE));
  }
}
