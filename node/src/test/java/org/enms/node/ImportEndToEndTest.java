package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.enms.core.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * POST /api/v1/import on a running node: the job runs, rows and roll-ups land, a re-import adds
 * nothing.
 */
class ImportEndToEndTest {
  private static final String COMPRESSOR = "c0000000-0000-0000-0000-000000000001";
  private static final String BOUNDARY = "enms-import-e2e";
  private static NodeFixture fixture;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    fixture = new NodeFixture();
    fixture.startNode(Map.of());
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  /** Two days of 15-min energy in kWh, Berlin time, day-first, ending 20 days ago. */
  private static String export(Instant firstEnd, int rows) {
    var f = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    StringBuilder csv = new StringBuilder("Zeitstempel;Energie kWh\n");
    for (int i = 0; i < rows; i++) {
      csv.append(f.format(firstEnd.plusSeconds(900L * i).atZone(ZoneId.of("Europe/Berlin"))))
          .append(";0,5\n");
    }
    return csv.toString();
  }

  private static HttpResponse<String> post(Map<String, String> fields, String csv)
      throws Exception {
    StringBuilder b = new StringBuilder();
    fields.forEach(
        (k, v) ->
            b.append("--")
                .append(BOUNDARY)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(k)
                .append("\"\r\n\r\n")
                .append(v)
                .append("\r\n"));
    b.append("--")
        .append(BOUNDARY)
        .append(
            "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"meter.csv\"\r\nContent-Type: text/csv\r\n\r\n")
        .append(csv)
        .append("\r\n--")
        .append(BOUNDARY)
        .append("--\r\n");
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + fixture.httpPort + "/api/v1/import"))
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .POST(HttpRequest.BodyPublishers.ofString(b.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode runToEnd(Map<String, String> fields, String csv) throws Exception {
    HttpResponse<String> accepted = post(fields, csv);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String statusUrl = Json.mapper().readTree(accepted.body()).get("status_url").asText();
    NodeFixture.await(
        "the import job to finish",
        Duration.ofSeconds(60),
        () -> !fixture.getJson(statusUrl).get("status").asText().matches("queued|running"));
    return fixture.getJson(statusUrl);
  }

  @Test
  void anUploadedExportIsImportedWithRollUpsAndASecondUploadAddsNothing() throws Exception {
    Instant firstEnd =
        Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(20)).plusSeconds(900);
    String csv = export(firstEnd, 192);
    Map<String, String> fields =
        Map.of(
            "machine",
            "Compressor-1",
            "value_kind",
            "energy_kwh",
            "timezone",
            "Europe/Berlin",
            "day_first",
            "true");

    JsonNode job = runToEnd(fields, csv);

    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
    assertThat(job.get("progress_percent").asDouble()).isEqualTo(100.0);
    assertThat(job.get("summary").get("rows_imported").asLong()).isEqualTo(192);
    assertThat(job.get("summary").get("readings_new").asLong()).isEqualTo(192);
    assertThat(
            fixture.count(
                "SELECT count(*) FROM energy_readings WHERE machine_id = '"
                    + COMPRESSOR
                    + "' AND time < now() - interval '10 days'"))
        .isEqualTo(192);
    Instant from =
        Instant.parse(job.get("summary").get("range_from").asText()).truncatedTo(ChronoUnit.HOURS);
    Instant to = Instant.parse(job.get("summary").get("range_to").asText()).plusSeconds(1);
    JsonNode series =
        fixture.getJson(
            "/api/v1/timeseries/energy?machine_id="
                + COMPRESSOR
                + "&start_time="
                + from
                + "&end_time="
                + to
                + "&interval=1hour");
    double total = 0;
    for (JsonNode p : series.get("data_points")) {
      total += p.get("value").asDouble();
    }
    assertThat(total).isCloseTo(96.0, within(1e-6));

    JsonNode again = runToEnd(fields, csv);
    assertThat(again.get("status").asText()).isEqualTo("succeeded");
    assertThat(again.get("summary").get("readings_new").asLong()).isZero();
    assertThat(
            fixture.count(
                "SELECT count(*) FROM energy_readings WHERE machine_id = '"
                    + COMPRESSOR
                    + "' AND time < now() - interval '10 days'"))
        .isEqualTo(192);
  }

  @Test
  void anUnknownMachineAnswers422BeforeAJobStarts() throws Exception {
    HttpResponse<String> response =
        post(
            Map.of("machine", "No-Such-Machine", "value_kind", "energy_kwh"),
            "t;kWh\n13.01.2026 00:15;1\n");
    assertThat(response.statusCode()).isEqualTo(422);
    JsonNode detail = Json.mapper().readTree(response.body()).get("detail");
    assertThat(detail.get(0).get("loc").toString()).isEqualTo("[\"body\",\"machine\"]");
  }
}
