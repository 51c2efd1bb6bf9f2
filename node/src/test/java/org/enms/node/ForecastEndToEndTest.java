package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.enms.core.plant.DemoPlant;
import org.enms.core.plant.Machine;
import org.enms.simulator.history.PlantHistory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The forecast endpoints as the voice client calls them (voice-client.md #37 and #38), against a
 * node fed live by the demo-plant simulator, with three weeks of Hydraulic-Pump-1's history made by
 * the same simulator's physics and imported as a meter export.
 */
class ForecastEndToEndTest {
  private static final Machine PUMP = DemoPlant.byName("Hydraulic-Pump-1").orElseThrow();
  private static final String COMPRESSOR = "c0000000-0000-0000-0000-000000000001";
  private static final int DAYS = 21;

  private static NodeFixture fixture;
  private static double[] historyKwh;
  private static Instant historyStart;

  @BeforeAll
  static void start() {
    fixture = new NodeFixture();
    int simulatorPort = NodeFixture.freePort();
    fixture.startNode(
        Map.of(
            "enms.simulator.enabled",
            true,
            "enms.simulator.auto-start",
            false,
            "enms.simulator.http.port",
            simulatorPort,
            "enms.simulator.client-id",
            "sim-" + fixture.clientId));
    // Every machine but the pump runs live, so the pump's forecast reads the imported history
    // alone and does not depend on how long the node has been running.
    startEveryMachineBut(PUMP, simulatorPort);
    Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    end = end.minus(Duration.ofMinutes(end.atZone(ZoneOffset.UTC).getMinute() % 15));
    historyStart = end.minus(Duration.ofDays(DAYS));
    historyKwh =
        PlantHistory.electricityKwh(
            PUMP, historyStart, Duration.ofMinutes(15), DAYS * 96, 0, new SplittableRandom(3));
    SimulatedHistory.importInto(fixture, PUMP, historyStart, historyKwh);
  }

  private static void startEveryMachineBut(Machine left, int simulatorPort) {
    String ids =
        DemoPlant.MACHINES.stream()
            .filter(m -> !m.id().equals(left.id()))
            .map(m -> "\"" + m.id() + "\"")
            .collect(Collectors.joining(",", "[", "]"));
    HttpResponse<String> started =
        NodeFixture.postToSimulator(
            simulatorPort, "/simulator/start", "{\"machine_ids\": " + ids + "}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  /** Resolve, as the voice client does: {@code GET /machines?search=}, then {@code [0].id}. */
  private static String resolve(String name) {
    return fixture
        .getJson("/api/v1/machines?search=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
        .get(0)
        .get("id")
        .asText();
  }

  /** The pump's energy on the latest whole day of the history that falls on tomorrow's weekday. */
  private static double historySameWeekdayAsTomorrow() {
    LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
    LocalDate day = LocalDate.ofInstant(historyStart.plus(Duration.ofDays(DAYS)), ZoneOffset.UTC);
    for (int back = 1; back <= 14; back++) {
      LocalDate candidate = day.minusDays(back);
      int from =
          (int)
              (Duration.between(historyStart, candidate.atStartOfDay().toInstant(ZoneOffset.UTC))
                      .toMinutes()
                  / 15);
      if (candidate.getDayOfWeek() == tomorrow.getDayOfWeek()
          && from >= 0
          && from + 96 <= historyKwh.length) {
        double sum = 0;
        for (int q = from; q < from + 96; q++) {
          sum += historyKwh[q];
        }
        return sum;
      }
    }
    throw new IllegalStateException("three weeks hold every weekday");
  }

  @Test
  void tomorrowsForecastOfAMachineIsWhatTheVoiceClientReads() {
    String pump = resolve("Hydraulic-Pump-1");
    JsonNode t = fixture.getJson("/api/v1/forecast/short-term?machine_id=" + pump);

    assertThat(t.get("forecast_type").asText()).isEqualTo("single_machine");
    assertThat(t.get("machine_name").asText()).isEqualTo("Hydraulic-Pump-1");
    assertThat(t.get("forecast_date").asText())
        .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(1).toString());
    for (String number :
        new String[] {
          "predicted_energy_kwh", "predicted_cost_usd", "predicted_peak_power_kw", "confidence"
        }) {
      assertThat(t.get(number).isNumber()).as(number).isTrue();
    }
    assertThat(t.get("predicted_peak_time").asText()).matches("\\d\\d:00:00");
    // The simulator's pump repeats its weekdays: tomorrow is last week's same day, closely.
    double expected = historySameWeekdayAsTomorrow();
    assertThat(t.get("predicted_energy_kwh").asDouble())
        .isCloseTo(expected, within(0.08 * expected));
    assertThat(t.get("predicted_energy_lower_kwh").asDouble()).isLessThanOrEqualTo(expected);
    assertThat(t.get("predicted_energy_upper_kwh").asDouble()).isGreaterThanOrEqualTo(expected);
    assertThat(t.get("confidence").asDouble()).isGreaterThan(0.8);
  }

  @Test
  void tomorrowsForecastOfThePlantCoversTheLiveMachinesToo() {
    NodeFixture.await(
        "live readings of Compressor-1",
        Duration.ofSeconds(60),
        () ->
            fixture.count(
                    "SELECT count(*) FROM energy_readings WHERE machine_id = '" + COMPRESSOR + "'")
                > 0);
    JsonNode p = fixture.getJson("/api/v1/forecast/short-term");

    assertThat(p.get("forecast_type").asText()).isEqualTo("factory_wide");
    for (String number :
        new String[] {
          "total_predicted_energy_kwh", "total_predicted_cost_usd", "predicted_peak_demand_kw"
        }) {
      assertThat(p.get(number).isNumber()).as(number).isTrue();
    }
    assertThat(p.get("predicted_peak_time").asText()).matches("\\d\\d:00:00");
    assertThat(p.get("peak_machine").asText()).isNotBlank();
    assertThat(p.get("machines_forecasted").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(p.get("by_machine"))
        .extracting(line -> line.get("machine_name").asText())
        .contains("Hydraulic-Pump-1", "Compressor-1");
    double sum = 0;
    for (JsonNode line : p.get("by_machine")) {
      sum += line.get("predicted_energy_kwh").asDouble();
    }
    assertThat(p.get("total_predicted_energy_kwh").asDouble()).isCloseTo(sum, within(0.1));
  }

  @Test
  void theDemandForecastHasTheFieldsTheVoiceClientReads() {
    String pump = resolve("Hydraulic-Pump-1");
    JsonNode d =
        fixture.getJson("/api/v1/forecast/demand?machine_id=" + pump + "&horizon=short&periods=4");

    assertThat(d.get("periods").asInt()).isEqualTo(4);
    assertThat(d.get("model_type").asText()).isNotBlank();
    assertThat(d.get("frequency").asText()).isEqualTo("15T");
    assertThat(d.get("predictions")).hasSize(4).allMatch(JsonNode::isNumber);
    JsonNode ci = d.get("confidence_intervals");
    for (int i = 0; i < 4; i++) {
      double kw = d.get("predictions").get(i).asDouble();
      assertThat(kw).isBetween(0.0, PUMP.ratedPowerKw() * 1.1);
      assertThat(ci.get("lower").get(i).asDouble()).isLessThanOrEqualTo(kw);
      assertThat(ci.get("upper").get(i).asDouble()).isGreaterThanOrEqualTo(kw);
    }
  }

  @Test
  void aMachineWithMinutesOfReadingsIsForecastFromItsRecentLevel() {
    NodeFixture.await(
        "a forecast of Compressor-1",
        Duration.ofSeconds(60),
        () ->
            fixture
                    .get("/api/v1/forecast/demand?machine_id=" + COMPRESSOR + "&horizon=short")
                    .statusCode()
                == 200);
    JsonNode d =
        fixture.getJson("/api/v1/forecast/demand?machine_id=" + COMPRESSOR + "&horizon=short");

    assertThat(d.get("predictions")).hasSize(16);
    assertThat(d.get("method").asText()).contains("no earlier day");
    assertThat(d.get("predictions").get(0).asDouble()).isPositive();
  }

  @Test
  void predictPeakAndScheduleAnswerForTheImportedMachine() {
    String pump = resolve("Hydraulic-Pump-1");
    JsonNode medium =
        NodeFixture.json(
            fixture.send(
                "POST",
                "/api/v1/forecast/predict",
                "{\"machine_id\": \"" + pump + "\", \"horizon\": \"medium\"}"));
    assertThat(medium.get("predictions")).hasSize(24);
    assertThat(medium.get("frequency").asText()).isEqualTo("H");

    JsonNode peak = fixture.getJson("/api/v1/forecast/peak?machine_id=" + pump);
    assertThat(peak.get("peak_demand_kw").asDouble())
        .isGreaterThanOrEqualTo(peak.get("average_demand_kw").asDouble());
    assertThat(Instant.parse(peak.get("peak_time").asText()))
        .isAfter(Instant.now().minusSeconds(900));

    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    JsonNode schedule =
        NodeFixture.json(
            fixture.send(
                "POST",
                "/api/v1/forecast/optimal-schedule",
                "{\"machine_id\": \""
                    + pump
                    + "\", \"date\": \""
                    + tomorrow
                    + "\", \"load_kw\": 5}"));
    assertThat(schedule.get("recommendations")).hasSize(3);
    assertThat(schedule.get("recommendations").get(0).get("timestamp").asText())
        .startsWith(tomorrow);
  }

  @Test
  void anUnknownMachineIs404AndABadHorizon422() {
    assertThat(
            fixture
                .get("/api/v1/forecast/demand?machine_id=c0000000-0000-0000-0000-000000000099")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            fixture
                .get("/api/v1/forecast/demand?machine_id=" + COMPRESSOR + "&horizon=someday")
                .statusCode())
        .isEqualTo(422);
  }
}
