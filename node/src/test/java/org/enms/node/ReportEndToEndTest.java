package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The monthly EnPI report on one node over real PostgreSQL and HTTP. Two months of hourly energy of
 * Compressor-1 (with its production) and HVAC-Main are imported, 20 % more in the last full month
 * than in the one before, and three anomalies are entered. The preview's figures must be the file's
 * and {@code /kpi/factory}'s; the PDF from {@code POST /reports/generate} must open, render to PNG
 * ({@code pdftoppm}) and carry those numbers; the voice client's {@code v2/generate} must lead to a
 * download of the same kind of PDF; bad input answers 4xx with a {@code detail}.
 */
class ReportEndToEndTest {
  private static final String FACTORY = "11111111-1111-1111-1111-111111111111";
  private static final String COMPRESSOR = "c0000000-0000-0000-0000-000000000001";
  private static final int UNITS_PER_HOUR = 100;

  private static NodeFixture fixture;
  private static YearMonth month;
  private static YearMonth before;
  private static double monthKwh;
  private static double beforeKwh;
  private static long monthUnits;

  @BeforeAll
  static void start() {
    fixture = new NodeFixture();
    fixture.startNode(Map.of());
    month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    before = month.minusMonths(1);
    importMachine("Compressor-1", true);
    importMachine("HVAC-Main", false);
    anomaly(month.atDay(10), "critical", false);
    anomaly(month.atDay(12), "warning", true);
    anomaly(before.atDay(10), "critical", false);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /**
   * Hours 1 to 22 of days 2 to 27 of both months (so no row is near a month's edge, however its
   * stamp is read); the report month draws 1.2 times the month before.
   */
  private static void importMachine(String name, boolean producing) {
    StringBuilder csv = new StringBuilder("time,energy_kwh,parts\n");
    for (YearMonth m : List.of(before, month)) {
      double factor = m.equals(month) ? 1.2 : 1.0;
      for (int d = 2; d <= 27; d++) {
        for (int h = 1; h <= 22; h++) {
          double kwh = factor * (producing ? 20 + h % 5 : 10 + d % 3);
          Instant t = m.atDay(d).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600L * h);
          csv.append(t).append(',').append(String.format(Locale.ROOT, "%.6f", kwh)).append(',');
          csv.append(producing ? UNITS_PER_HOUR : 0).append('\n');
          if (m.equals(month)) {
            monthKwh += kwh;
            monthUnits += producing ? UNITS_PER_HOUR : 0;
          } else {
            beforeKwh += kwh;
          }
        }
      }
    }
    JsonNode job =
        fixture.importToEnd(
            Map.of(
                "machine", name,
                "value_kind", "energy_kwh",
                "timestamp_column", "time",
                "value_column", "energy_kwh",
                "production_column", "parts",
                "stamp", "ending",
                "interval", "1h"),
            name + ".csv",
            csv.toString(),
            Duration.ofSeconds(90));
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
  }

  private static void anomaly(LocalDate day, String severity, boolean resolved) {
    HttpResponse<String> r =
        fixture.send(
            "POST",
            "/api/v1/anomaly/create",
            "{\"machine_id\": \""
                + COMPRESSOR
                + "\", \"detected_at\": \""
                + day.atTime(12, 0).toInstant(ZoneOffset.UTC)
                + "\", \"anomaly_type\": \"spike\", \"severity\": \""
                + severity
                + "\", \"is_resolved\": "
                + resolved
                + "}");
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
  }

  private static String query(YearMonth m) {
    return "report_type=monthly_enpi&year="
        + m.getYear()
        + "&month="
        + m.getMonthValue()
        + "&factory_id="
        + FACTORY;
  }

  private static JsonNode preview() {
    HttpResponse<String> r = fixture.get("/api/v1/reports/preview?" + query(month));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return NodeFixture.json(r);
  }

  @Test
  void thePreviewHasTheFilesEnergyAndTheFactorysKpis() {
    JsonNode body = preview();
    JsonNode data = body.get("data");

    assertThat(body.get("success").asBoolean()).isTrue();
    assertThat(data.get("factory_name").asText()).isEqualTo("Demo Manufacturing Plant");
    assertThat(data.at("/summary/total_kwh").asDouble()).isCloseTo(monthKwh, within(0.01));
    assertThat(data.at("/summary/prev_month_change").asDouble()).isCloseTo(20.0, within(0.01));
    assertThat(data.at("/summary/anomaly_counts/critical").asInt()).isEqualTo(1);
    assertThat(data.at("/summary/anomaly_counts/warning").asInt()).isEqualTo(1);
    assertThat(data.at("/summary/anomaly_counts/open_critical").asInt()).isEqualTo(1);
    assertThat(data.get("anomalies").size()).isEqualTo(2);
    assertThat(data.get("machines").findValuesAsText("name"))
        .containsExactly("Compressor-1", "HVAC-Main");
    double days = 0;
    for (JsonNode d : data.get("daily_data")) {
      days += d.get("kwh").asDouble();
    }
    assertThat(days).isCloseTo(monthKwh, within(0.05));
    assertThat(data.get("daily_data").size()).isEqualTo(26);

    JsonNode kpi =
        fixture.getJson(
            "/api/v1/kpi/factory/"
                + FACTORY
                + "?start="
                + month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)
                + "&end="
                + month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    JsonNode enpis = data.get("enpis");
    assertThat(enpis.get(0).get("name").asText()).isEqualTo("SEC (kWh/unit)");
    assertThat(enpis.get(0).get("current").asDouble())
        .isCloseTo(monthKwh / monthUnits, within(0.005))
        .isCloseTo(
            kpi.at("/production_metrics/factory_sec_kwh_per_unit").asDouble(), within(0.005));
    double peak = kpi.at("/energy_metrics/peak_power_kw").asDouble();
    double avg = kpi.at("/energy_metrics/avg_power_kw").asDouble();
    assertThat(enpis.get(1).get("current").asDouble()).isCloseTo(avg / peak * 100, within(0.05));
    assertThat(enpis.get(2).get("current").asDouble()).isEqualTo(peak);
    assertThat(enpis.get(2).get("status").asText()).isEqualTo("✓ Good");
  }

  @Test
  void theGeneratedPdfOpensRendersAndCarriesTheMonthsEnpis() throws Exception {
    JsonNode data = preview().get("data");
    long began = System.nanoTime();
    HttpResponse<byte[]> r = post("/api/v1/reports/generate?" + query(month), null);
    long millis = (System.nanoTime() - began) / 1_000_000;
    System.out.printf(
        "POST /reports/generate answered in %d ms (%d bytes)%n", millis, r.body().length);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(r.headers().firstValue("Content-Disposition"))
        .hasValue(
            String.format(
                "attachment; filename=\"EnPI_Report_%d-%02d_Demo_Manufacturing_Plant.pdf\"",
                month.getYear(), month.getMonthValue()));
    String text;
    try (PDDocument doc = Loader.loadPDF(r.body())) {
      assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(1);
      text = new PDFTextStripper().getText(doc);
    }
    assertThat(text).contains("MONTHLY ENERGY PERFORMANCE REPORT");
    assertThat(text)
        .contains(
            String.format(
                Locale.ROOT,
                "Total Energy Consumption: %,.1f kWh",
                data.at("/summary/total_kwh").asDouble()));
    for (JsonNode enpi : data.get("enpis")) {
      assertThat(text)
          .as(enpi.toString())
          .contains(
              enpi.get("name").asText()
                  + " "
                  + String.format(Locale.ROOT, "%,.2f", enpi.get("current").asDouble()));
    }
    assertThat(text).contains("Consumption increased 20.0% vs previous month");
    assertRendersToPng(r.body());
    // Generous: two shared cores; the bench (./enms bench report) measures it properly.
    assertThat(millis).isLessThan(20_000);
  }

  /** {@code pdftoppm} (poppler-utils, installed by .ci/run) must turn page 1 into a PNG. */
  private static void assertRendersToPng(byte[] pdf) throws Exception {
    if (!onPath("pdftoppm")) {
      System.err.println(
          "ReportEndToEndTest: pdftoppm not found (apt-get install poppler-utils);"
              + " the PNG rendering check is skipped");
      return;
    }
    Path dir = Files.createTempDirectory("enms-report");
    Path file = dir.resolve("report.pdf");
    Files.write(file, pdf);
    Process p =
        new ProcessBuilder(
                "pdftoppm",
                "-png",
                "-r",
                "40",
                "-f",
                "1",
                "-l",
                "1",
                file.toString(),
                dir.resolve("page").toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    Path png;
    try (var files = Files.list(dir)) {
      png = files.filter(f -> f.toString().endsWith(".png")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length).isGreaterThan(1000);
    assertThat(bytes[1]).isEqualTo((byte) 'P');
    assertThat(bytes[2]).isEqualTo((byte) 'N');
    assertThat(bytes[3]).isEqualTo((byte) 'G');
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aReportOfEveryFactoryHasEachFactorysEnpisAndTheSameElectricity() throws IOException {
    String all =
        "report_type=monthly_enpi&year=" + month.getYear() + "&month=" + month.getMonthValue();
    JsonNode data = fixture.getJson("/api/v1/reports/preview?" + all).get("data");

    assertThat(data.get("factory_name").asText()).isEqualTo("All Factories");
    assertThat(data.get("factory_id").isNull()).isTrue();
    assertThat(data.at("/summary/total_kwh").asDouble()).isCloseTo(monthKwh, within(0.01));
    // Three EnPIs for each demo factory; the European one has no data this month.
    assertThat(data.get("enpis").findValuesAsText("factory_name"))
        .containsOnly("Demo Manufacturing Plant", "European Production Facility")
        .hasSize(6);
    assertThat(data.get("enpis").findValuesAsText("status")).contains("No data");

    HttpResponse<byte[]> r = post("/api/v1/reports/generate?" + all, null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
        .endsWith("_All_Factories.pdf\"");
    try (PDDocument doc = Loader.loadPDF(r.body())) {
      assertThat(new PDFTextStripper().getText(doc))
          .contains("All Factories", "European Production Facility");
    }
  }

  @Test
  void theVoiceClientsGenerateLeadsToADownloadOfTheSectionsAskedFor() throws IOException {
    HttpResponse<String> generated =
        fixture.send(
            "POST",
            "/api/v1/reports/v2/generate",
            "{\"factory_id\": \""
                + FACTORY
                + "\", \"report_type\": \"monthly\", \"year\": "
                + month.getYear()
                + ", \"month\": "
                + month.getMonthValue()
                + ", \"include_sections\": [\"executive_summary\", \"energy_overview\","
                + " \"machine_profiles\", \"cost_analysis\", \"carbon_analysis\"]}");
    assertThat(generated.statusCode()).as(generated.body()).isEqualTo(200);
    JsonNode body = NodeFixture.json(generated);
    assertThat(body.get("success").asBoolean()).isTrue();
    assertThat(body.get("message").asText()).isNotBlank();
    String id = body.get("report_id").asText();
    assertThat(body.get("download_url").asText()).isEqualTo("/api/v1/reports/v2/download/" + id);

    HttpResponse<byte[]> pdf = getBytes(body.get("download_url").asText());

    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.body().length / 1024.0)
        .isCloseTo(body.get("file_size_kb").asDouble(), within(0.06));
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains(
              "1. EXECUTIVE SUMMARY",
              "2. ENERGY PERFORMANCE INDICATORS",
              "3. CONSUMPTION BY MACHINE",
              "4. DAILY CONSUMPTION TREND",
              "5. COST ANALYSIS",
              "6. CARBON ANALYSIS")
          .doesNotContain("ANOMALY SUMMARY", "RECOMMENDATIONS");
    }
    assertThat(fixture.count("SELECT count(*) FROM generated_reports WHERE id = '" + id + "'"))
        .isEqualTo(1);
  }

  @Test
  void badInputAnswers4xxWithADetail() {
    String m = "&year=" + month.getYear() + "&month=" + month.getMonthValue();
    expect(fixture.get("/api/v1/reports/preview?report_type=monthly_enpi&year=2025&month=13"), 422);
    expect(fixture.get("/api/v1/reports/preview?report_type=monthly_enpi&year=1999&month=1"), 422);
    expect(fixture.get("/api/v1/reports/preview?report_type=monthly_enpi&year=x&month=1"), 422);
    expect(fixture.get("/api/v1/reports/preview?report_type=monthly_enpi&month=1"), 422);
    // The original typed factory_id as an integer; it is a UUID.
    expect(
        fixture.get("/api/v1/reports/preview?report_type=monthly_enpi" + m + "&factory_id=1"), 422);
    expect(
        fixture.get(
            "/api/v1/reports/preview?report_type=monthly_enpi"
                + m
                + "&factory_id=99999999-9999-9999-9999-999999999999"),
        404);
    HttpResponse<String> weekly = fixture.get("/api/v1/reports/preview?report_type=weekly" + m);
    expect(weekly, 400);
    assertThat(NodeFixture.json(weekly).get("detail").asText())
        .isEqualTo("Unsupported report type: weekly");
    YearMonth next = YearMonth.now(ZoneOffset.UTC).plusMonths(1);
    expect(
        fixture.send(
            "POST",
            "/api/v1/reports/generate?report_type=monthly_enpi&year="
                + next.getYear()
                + "&month="
                + next.getMonthValue(),
            null),
        400);
    expect(
        fixture.send("POST", "/api/v1/reports/v2/generate", "{\"year\": 2025, \"month\": 13}"),
        422);
    expect(fixture.send("POST", "/api/v1/reports/v2/generate", "{\"month\": 1}"), 422);
    expect(
        fixture.send(
            "POST",
            "/api/v1/reports/v2/generate",
            "{\"year\": 2025, \"month\": 1, \"include_sections\": [\"gossip\"]}"),
        400);
    expect(
        fixture.send(
            "POST",
            "/api/v1/reports/v2/generate",
            "{\"year\": 2025, \"month\": 1, \"report_type\": \"daily\"}"),
        400);
    expect(fixture.get("/api/v1/reports/v2/download/" + java.util.UUID.randomUUID()), 404);
    expect(fixture.get("/api/v1/reports/v2/download/not-a-report"), 422);
  }

  @Test
  void theTypesListTheMonthlyEnpiReport() {
    JsonNode body = fixture.getJson("/api/v1/reports/types");

    assertThat(body.get("success").asBoolean()).isTrue();
    assertThat(body.at("/data/0/type").asText()).isEqualTo("monthly_enpi");
    assertThat(body.at("/data/0/name").asText()).isEqualTo("Monthly Energy Performance Report");
    assertThat(body.at("/data/0/format").asText()).isEqualTo("PDF");
    assertThat(body.at("/data/0/parameters").has("factory_id")).isTrue();
  }

  private static void expect(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.uri() + ": " + r.body()).isEqualTo(status);
    assertThat(NodeFixture.json(r).has("detail")).as(r.body()).isTrue();
  }

  private static HttpResponse<byte[]> post(String path, String body) {
    return bytes(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.httpPort + path))
            .timeout(Duration.ofSeconds(60))
            .POST(
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static HttpResponse<byte[]> getBytes(String path) {
    return bytes(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.httpPort + path))
            .timeout(Duration.ofSeconds(60))
            .build());
  }

  private static HttpResponse<byte[]> bytes(HttpRequest request) {
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
