package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ISO 50001 on one node over real PostgreSQL and HTTP: eight weeks of a molding machine's hourly
 * energy and production are imported; in the last four weeks it uses 10 % less than the first four
 * for the same production. An SEU baseline trained on the first four weeks must say so: {@code
 * has_baseline}, an EnPI of 0.9, a CUSUM whose savings are the sum of the days' differences, the
 * voice client's analysis and factory report, targets, the action-plan round trip, and 4xx with a
 * {@code detail} for bad input.
 */
class Iso50001EndToEndTest {
  private static final String MOLDING = "c0000000-0000-0000-0000-000000000005";
  private static final String SEU = "aaaaaaaa-7777-7777-7777-777777777777";
  private static final String COMPRESSOR_SEU = "aaaaaaaa-1111-1111-1111-111111111111";
  private static final String FACTORY = "11111111-1111-1111-1111-111111111111";
  private static final int DAYS = 56;
  private static final int BASELINE_DAYS = 28;

  private static NodeFixture fixture;
  private static LocalDate first;
  private static JsonNode model;

  @BeforeAll
  static void start() {
    fixture = new NodeFixture();
    fixture.startNode(Map.of());
    first = LocalDate.now(ZoneOffset.UTC).minusDays(DAYS);
    importHistory();
    model =
        post(
            "/api/v1/baseline/seu/train",
            "{\"seu_id\": \""
                + SEU
                + "\", \"start_date\": \""
                + day(0)
                + "\", \"end_date\": \""
                + day(BASELINE_DAYS - 1)
                + "\", \"features\": [\"production_count\"]}",
            200);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** Units per hour on day {@code d}. */
  private static int perHour(int d) {
    return 40 + 15 * ((d * 7) % 9);
  }

  private static double noise(int d) {
    return ((d * 5) % 3 - 1) * 2.0;
  }

  /** Day d's energy: 48 kWh + 0.05 kWh per unit, 10 % less after the baseline weeks. */
  private static double dayKwh(int d) {
    double factor = d < BASELINE_DAYS ? 1.0 : 0.9;
    return factor * (48 + 0.05 * 24 * perHour(d) + noise(d));
  }

  private static LocalDate day(int d) {
    return first.plusDays(d);
  }

  /**
   * Rows stamped at their interval's end, which is where they are stored: the row stamped T is the
   * hourly bucket starting at T, so each UTC day holds exactly its 24 rows.
   */
  private static void importHistory() {
    StringBuilder csv = new StringBuilder("time,energy_kwh,parts\n");
    Instant start = first.atStartOfDay().toInstant(ZoneOffset.UTC);
    for (int j = 0; j < DAYS * 24; j++) {
      int d = j / 24;
      double factor = d < BASELINE_DAYS ? 1.0 : 0.9;
      double kwh = factor * (2 + 0.05 * perHour(d) + (j % 24 == 12 ? noise(d) : 0));
      csv.append(start.plus(Duration.ofHours(j)))
          .append(',')
          .append(String.format("%.6f", kwh))
          .append(',')
          .append(perHour(d))
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
                "stamp", "ending",
                "interval", "1h"),
            "molding.csv",
            csv.toString(),
            Duration.ofSeconds(60));
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
  }

  private static JsonNode post(String path, String body, int status) {
    return send("POST", path, body, status);
  }

  private static JsonNode send(String method, String path, String body, int status) {
    HttpResponse<String> r = fixture.send(method, path, body);
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
    return r.body().isEmpty() ? null : NodeFixture.json(r);
  }

  private static JsonNode get(String path, int status) {
    HttpResponse<String> r = fixture.get(path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(status);
    return NodeFixture.json(r);
  }

  @Test
  void theSeuBaselineRecoversTheDailyRelationshipAndMarksTheSeu() {
    assertThat(model.get("success").asBoolean()).isTrue();
    assertThat(model.get("samples_count").asInt()).isEqualTo(BASELINE_DAYS);
    assertThat(model.get("coefficients").get("production_count").asDouble())
        .isCloseTo(0.05, within(0.002));
    assertThat(model.get("r_squared").asDouble()).isGreaterThan(0.99);
    assertThat(model.get("validity").get("valid").asBoolean()).as(model.toString()).isTrue();
    assertThat(model.get("training_period").asText()).isEqualTo(day(0) + " to " + day(27));
    double baselineEnergy = 0;
    for (int d = 0; d < BASELINE_DAYS; d++) {
      baselineEnergy += dayKwh(d);
    }
    assertThat(model.get("baseline_energy_kwh").asDouble()).isCloseTo(baselineEnergy, within(0.05));

    JsonNode seus = get("/api/v1/seus", 200).get("seus");
    for (JsonNode s : seus) {
      assertThat(s.get("has_baseline").asBoolean())
          .as(s.get("name").asText())
          .isEqualTo(s.get("id").asText().equals(SEU));
    }
  }

  /** What the trained model expects on day d. */
  private static double expected(int d) {
    return model.get("intercept").asDouble()
        + model.get("coefficients").get("production_count").asDouble() * 24 * perHour(d);
  }

  @Test
  void enpiAndCusumFollowFromTheDays() {
    JsonNode cusum =
        get(
            "/api/v1/iso50001/cusum?seu_id="
                + SEU
                + "&start_date="
                + day(BASELINE_DAYS)
                + "&end_date="
                + day(DAYS),
            200);
    double actual = 0;
    double expected = 0;
    for (int d = BASELINE_DAYS; d < DAYS; d++) {
      actual += dayKwh(d);
      expected += expected(d);
    }
    assertThat(cusum.get("days").asInt()).isEqualTo(DAYS - BASELINE_DAYS);
    assertThat(cusum.get("actual_energy_kwh").asDouble()).isCloseTo(actual, within(0.05));
    assertThat(cusum.get("expected_energy_kwh").asDouble()).isCloseTo(expected, within(0.05));
    assertThat(cusum.get("enpi").asDouble()).isCloseTo(actual / expected, within(0.0001));
    assertThat(cusum.get("enpi").asDouble()).isCloseTo(0.9, within(0.01));
    assertThat(cusum.get("improvement_percent").asDouble()).isCloseTo(10, within(1.0));
    assertThat(cusum.get("cumulative_savings_kwh").asDouble())
        .isCloseTo(expected - actual, within(0.05));
    JsonNode points = cusum.get("points");
    assertThat(points).hasSize(DAYS - BASELINE_DAYS);
    assertThat(points.get(0).get("date").asText()).isEqualTo(day(BASELINE_DAYS).toString());
    assertThat(points.get(0).get("cusum_kwh").asDouble())
        .isCloseTo(dayKwh(BASELINE_DAYS) - expected(BASELINE_DAYS), within(0.01));
    assertThat(points.get(points.size() - 1).get("savings_kwh").asDouble())
        .isCloseTo(expected - actual, within(0.05));
    // The demo plant's tariffs price the imported intervals: the saving has a cost.
    assertThat(cusum.get("price_source").asText()).isEqualTo("tariff");
    assertThat(cusum.get("cumulative_savings_cost").asDouble() / (expected - actual))
        .isBetween(0.10, 0.25);

    // Over the baseline weeks themselves the baseline is met: EnPI 1.
    JsonNode baselineWeeks =
        get(
            "/api/v1/iso50001/enpi?seu_id="
                + SEU
                + "&start_date="
                + day(0)
                + "&end_date="
                + day(BASELINE_DAYS),
            200);
    assertThat(baselineWeeks.get("enpi").asDouble()).isCloseTo(1.0, within(0.001));
    assertThat(baselineWeeks.get("points").isNull()).isTrue();
  }

  @Test
  void theVoiceClientsAnalysisAndReportsSpeakOfTheSaving() {
    int yesterday = DAYS - 1;
    JsonNode analysis =
        post(
            "/api/v1/performance/analyze",
            "{\"seu_name\": \"Injection-Molding-1\", \"energy_source\": \"energy\","
                + " \"analysis_date\": \""
                + day(yesterday)
                + "\"}",
            200);
    assertThat(analysis.get("expected_by").asText()).isEqualTo("seu_baseline");
    assertThat(analysis.get("actual_energy_kwh").asDouble())
        .isCloseTo(dayKwh(yesterday), within(0.01));
    assertThat(analysis.get("baseline_energy_kwh").asDouble())
        .isCloseTo(expected(yesterday), within(0.01));
    assertThat(analysis.get("iso50001_status").asText()).isIn("excellent", "on_target");
    assertThat(analysis.get("voice_summary").asText())
        .startsWith("Injection-Molding-1 Electrical System used")
        .contains("below its baseline");

    int year = day(DAYS - 1).getYear();
    String period = year + "-Q" + ((day(DAYS - 1).getMonthValue() - 1) / 3 + 1);
    JsonNode report =
        get("/api/v1/iso50001/enpi-report?factory_id=" + FACTORY + "&period=" + period, 200);
    assertThat(report.get("report_period").asText()).isEqualTo(period);
    assertThat(report.get("seus_analyzed").asInt()).isEqualTo(1);
    JsonNode line = report.get("seu_breakdown").get(0);
    assertThat(line.get("seu_name").asText()).isEqualTo("Injection-Molding-1 Electrical System");
    JsonNode overall = report.get("overall_performance");
    assertThat(overall.get("cumulative_savings_kwh").asDouble())
        .isEqualTo(line.get("savings_kwh").asDouble())
        .isPositive();
    assertThat(overall.get("cumulative_savings_usd").asDouble()).isPositive();
    assertThat(overall.get("iso_status").asText()).isNotEmpty();
    assertThat(report.get("seus_without_baseline")).hasSize(4);
    assertThat(report.get("action_plans_status").has("in_progress")).isTrue();

    JsonNode month =
        post(
            "/api/v1/reports/seu-performance",
            "{\"seu_id\": \""
                + SEU
                + "\", \"report_year\": "
                + year
                + ", \"period\": \""
                + day(yesterday).toString().substring(0, 7)
                + "\"}",
            200);
    assertThat(month.get("compliance_status").asText()).isIn("compliant", "warning", "critical");
    assertThat(month.get("report_period").asText())
        .isEqualTo(day(yesterday).toString().substring(0, 7));

    JsonNode trend =
        get(
            "/api/v1/analytics/enpi?seu_id=" + SEU + "&start_year=" + year + "&end_year=" + year,
            200);
    assertThat(trend.get("data_points")).isNotEmpty();

    JsonNode opportunities =
        get("/api/v1/performance/opportunities?factory_id=" + FACTORY + "&period=week", 200);
    assertThat(opportunities.get("factory_id").asText()).isEqualTo(FACTORY);
    assertThat(opportunities.has("total_potential_savings_kwh")).isTrue();
    assertThat(get("/api/v1/performance/health", 200).get("status").asText()).isEqualTo("healthy");
  }

  @Test
  void targetsMeasureNormalisedSavingsOfTheYear() {
    int year = day(0).getYear();
    JsonNode target =
        post(
            "/api/v1/iso50001/target",
            "{\"target_type\": \"seu\", \"seu_id\": \""
                + SEU
                + "\", \"target_year\": "
                + day(DAYS - 1).getYear()
                + ", \"baseline_year\": "
                + year
                + ", \"target_description\": \"5 % less\", \"target_reduction_percent\": 5}",
            200);
    double baseline = model.get("baseline_energy_kwh").asDouble();
    assertThat(target.get("baseline_energy_kwh").asDouble()).isCloseTo(baseline, within(0.01));
    assertThat(target.get("target_energy_kwh").asDouble()).isCloseTo(baseline * 0.95, within(0.02));
    assertThat(target.get("progress_percent").asDouble()).isPositive();
    JsonNode refreshed =
        send(
            "PUT", "/api/v1/iso50001/target/" + target.get("id").asText() + "/progress", null, 200);
    assertThat(refreshed.get("current_savings_kwh").asDouble())
        .isCloseTo(target.get("current_savings_kwh").asDouble(), within(0.01));
  }

  @Test
  void actionPlansRoundTrip() {
    JsonNode plan =
        post(
            "/api/v1/iso50001/action-plans",
            "{\"title\": \"Servo pumps\", \"objective\": \"Cut hydraulic losses\","
                + " \"target_savings_kwh\": 1200, \"responsible_person\": \"Ana\","
                + " \"target_date\": \"2030-06-30\", \"seu_id\": \""
                + SEU
                + "\","
                + " \"factory_id\": \""
                + FACTORY
                + "\", \"priority\": \"high\","
                + " \"estimated_investment_usd\": 600}",
            200);
    String id = plan.get("id").asText();
    assertThat(plan.get("status").asText()).isEqualTo("planned");
    assertThat(plan.get("target_savings_usd").asDouble()).isPositive();
    assertThat(plan.get("payback_period_months").asDouble())
        .isCloseTo(600 / plan.get("target_savings_usd").asDouble() * 12, within(0.1));

    JsonNode list =
        get("/api/v1/iso50001/action-plans?factory_id=" + FACTORY + "&priority=high", 200);
    assertThat(list.get("total_plans").asInt()).isEqualTo(1);
    assertThat(list.get("action_plans").get(0).get("seu_name").asText())
        .isEqualTo("Injection-Molding-1 Electrical System");

    JsonNode progress =
        send(
            "PUT",
            "/api/v1/iso50001/action-plans/" + id + "/progress",
            "{\"status\": \"completed\"}",
            200);
    assertThat(progress.get("progress_percent").asDouble()).isEqualTo(100);
    assertThat(progress.get("completion_date").asText())
        .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
    assertThat(
            get("/api/v1/iso50001/action-plans?status=completed", 200).get("total_plans").asInt())
        .isEqualTo(1);
    assertThat(
            get(
                    "/api/v1/iso50001/enpi-report?factory_id="
                        + FACTORY
                        + "&period="
                        + day(0).getYear(),
                    200)
                .get("action_plans_status")
                .get("completed")
                .asInt())
        .isEqualTo(1);

    send("DELETE", "/api/v1/iso50001/action-plans/" + id, null, 204);
    assertThat(get("/api/v1/iso50001/action-plans/" + id, 404).get("detail").asText())
        .isEqualTo("Action plan not found");
  }

  @Test
  void badInputIsRefusedWithADetail() {
    String train = "/api/v1/baseline/seu/train";
    assertThat(
            post(
                    train,
                    "{\"seu_id\": \"aaaaaaaa-9999-9999-9999-999999999999\", \"start_date\": \"2026-01-01\", \"end_date\": \"2026-02-01\"}",
                    404)
                .get("detail")
                .asText())
        .contains("SEU not found");
    assertThat(
            post(
                    train,
                    "{\"seu_id\": \""
                        + SEU
                        + "\", \"start_date\": \""
                        + day(0)
                        + "\", \"end_date\": \""
                        + day(20)
                        + "\", \"features\": [\"moon_phase\"]}",
                    400)
                .get("detail")
                .asText())
        .contains("moon_phase");
    assertThat(
            post(
                    train,
                    "{\"seu_id\": \""
                        + SEU
                        + "\", \"start_date\": \""
                        + day(0)
                        + "\", \"end_date\": \""
                        + day(2)
                        + "\"}",
                    400)
                .get("detail")
                .asText())
        .contains("Insufficient data");
    assertThat(
            post(
                    train,
                    "{\"seu_id\": \""
                        + SEU
                        + "\", \"start_date\": \"2026-02-01\", \"end_date\": \"2026-01-01\"}",
                    422)
                .get("detail"))
        .isNotEmpty();
    assertThat(
            get(
                    "/api/v1/iso50001/cusum?seu_id="
                        + COMPRESSOR_SEU
                        + "&start_date="
                        + day(0)
                        + "&end_date="
                        + day(7),
                    400)
                .get("detail")
                .asText())
        .contains("has no baseline");
    assertThat(
            get("/api/v1/iso50001/enpi-report?factory_id=" + FACTORY + "&period=last-year", 400)
                .get("detail")
                .asText())
        .contains("Invalid period");
    assertThat(
            get("/api/v1/performance/opportunities?factory_id=" + FACTORY + "&period=decade", 400)
                .get("detail")
                .asText())
        .contains("Invalid period");
    assertThat(
            get(
                    "/api/v1/iso50001/enpi-report?factory_id=99999999-9999-9999-9999-999999999999&period=2026",
                    404)
                .get("detail")
                .asText())
        .contains("Factory not found");
    assertThat(
            post(
                    "/api/v1/iso50001/action-plans",
                    "{\"title\": \"x\", \"objective\": \"y\", \"target_savings_kwh\": -1, \"responsible_person\": \"z\", \"target_date\": \"2030-01-01\"}",
                    422)
                .get("detail"))
        .isNotEmpty();
    assertThat(
            post(
                    "/api/v1/performance/analyze",
                    "{\"seu_name\": \"Nothing\", \"energy_source\": \"energy\", \"analysis_date\": \""
                        + day(3)
                        + "\"}",
                    404)
                .get("detail")
                .asText())
        .contains("not found");
    assertThat(
            send(
                    "PUT",
                    "/api/v1/iso50001/action-plans/00000000-0000-0000-0000-000000000001/progress",
                    "{}",
                    400)
                .get("detail")
                .asText())
        .isEqualTo("No updates provided");
  }
}
