package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plant views on one node fed with known data, over real PostgreSQL, MQTT and HTTP: yesterday
 * imported for four machines (a constant energy per 15 minutes, production for one), a boiler's gas
 * and steam published over MQTT, and part of today for the compressor. Every figure asserted is the
 * sum of what was fed, so a view that dropped a machine, added gas to electricity or read the wrong
 * day fails; the daily KPI snapshot is triggered and held equal to {@code /kpi/all}.
 */
class PlantViewsEndToEndTest {
  private static final String COMPRESSOR = "c0000000-0000-0000-0000-000000000001";
  private static final String HVAC = "c0000000-0000-0000-0000-000000000002";
  private static final String CONVEYOR = "c0000000-0000-0000-0000-000000000003";
  private static final String BOILER = "c0000000-0000-0000-0000-000000000008";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** kWh per 15 minutes yesterday, by machine: 48, 24, 19.2 and 9.6 kWh over the day. */
  private static final Map<String, Double> PER_INTERVAL =
      Map.of(COMPRESSOR, 0.5, HVAC, 0.25, CONVEYOR, 0.2, BOILER, 0.1);

  private static final double GAS_M3 = 4 * 1.0;
  private static final double STEAM_KG = 3 * 10.0;

  private static NodeFixture fixture;
  private static Instant yesterday;
  private static Instant midnight;
  private static int todayRows;

  @BeforeAll
  static void start() throws Exception {
    fixture = new NodeFixture();
    fixture.startNode(Map.of());
    midnight = Instant.now().truncatedTo(ChronoUnit.DAYS);
    yesterday = midnight.minus(Duration.ofDays(1));
    for (Map.Entry<String, Double> e : PER_INTERVAL.entrySet()) {
      importRows(e.getKey(), yesterday, 96, e.getValue(), e.getKey().equals(CONVEYOR));
    }
    // Today up to the last whole quarter hour before now (none just after midnight).
    todayRows = (int) (Duration.between(midnight, Instant.now()).toMinutes() / 15) - 1;
    if (todayRows > 0) {
      importRows(COMPRESSOR, midnight.plus(Duration.ofMinutes(15)), todayRows, 0.5, false);
    }
    MqttClient publisher = fixture.publisher();
    Instant t = yesterday.plus(Duration.ofHours(10));
    for (int i = 0; i < 4; i++) {
      NodeFixture.publish(
          publisher,
          "factory/DemoPlant/Boiler-1/natural_gas",
          "{\"timestamp\":\"%s\",\"machine_id\":\"%s\",\"flow_rate_m3h\":60.0,\"consumption_m3\":1.0,\"pressure_bar\":4.0}"
              .formatted(t.plusSeconds(60L * i), BOILER));
    }
    for (int i = 0; i < 3; i++) {
      NodeFixture.publish(
          publisher,
          "factory/DemoPlant/Boiler-1/steam",
          "{\"timestamp\":\"%s\",\"machine_id\":\"%s\",\"flow_rate_kg_h\":600.0,\"consumption_kg\":10.0}"
              .formatted(t.plusSeconds(60L * i), BOILER));
    }
    publisher.disconnect();
    NodeFixture.await(
        "the boiler's gas and steam priced",
        Duration.ofSeconds(30),
        () ->
            fixture.count(
                    "SELECT count(DISTINCT energy_type) FROM energy_costs_1day WHERE machine_id = '"
                        + BOILER
                        + "'")
                == 3);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /**
   * {@code rows} readings of {@code kwh} each, 15 minutes apart from {@code first}, stored there.
   */
  private static void importRows(
      String machine, Instant first, int rows, double kwh, boolean production) {
    StringBuilder csv = new StringBuilder(production ? "time;kwh;units\n" : "time;kwh\n");
    for (int i = 0; i < rows; i++) {
      csv.append(STAMP.format(first.plusSeconds(900L * i).atOffset(ZoneOffset.UTC)))
          .append(';')
          .append(kwh)
          .append(production ? ";10\n" : "\n");
    }
    Map<String, String> fields = new HashMap<>();
    fields.put("machine", machine);
    fields.put("value_kind", "energy_kwh");
    fields.put("timezone", "UTC");
    fields.put("interval", "15m");
    if (production) {
      fields.put("production_column", "units");
    }
    JsonNode job = fixture.importToEnd(fields, "meter.csv", csv.toString(), Duration.ofSeconds(60));
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
  }

  private static String yesterdayWindow(String start, String end) {
    return "&" + start + "=" + yesterday + "&" + end + "=" + midnight;
  }

  @Test
  void aggregatedStatsSumTheImportedElectricityAndLeaveGasAndSteamOut() {
    JsonNode body =
        fixture.getJson(
            "/api/v1/stats/aggregated?machine_ids=all" + yesterdayWindow("start_time", "end_time"));

    assertThat(body.get("query").asText()).isEqualTo("All machines");
    assertThat(body.get("machines_count").asInt()).isEqualTo(4);
    // 48 + 24 + 19.2 + 9.6: the boiler's 42.2 kWh of gas and 67.8 of steam are not electricity.
    assertThat(body.at("/totals/total_energy_kwh").asDouble()).isCloseTo(100.8, within(1e-6));
    assertThat(body.at("/machines/0/machine_name").asText()).isEqualTo("Compressor-1");
    assertThat(body.at("/machines/0/total_energy_kwh").asDouble()).isCloseTo(48, within(1e-6));
    assertThat(body.at("/machines/0/reading_count").asLong()).isEqualTo(96);
    assertThat(body.at("/machines/0/energy_percent").asDouble()).isCloseTo(47.6, within(0.05));
    assertThat(body.at("/rankings/highest_energy").asText()).isEqualTo("Compressor-1");
    double cost = 0;
    for (String m : List.of(COMPRESSOR, HVAC, CONVEYOR, BOILER)) {
      cost += kpi(m).at("/kpis/energy_cost/value").asDouble();
    }
    assertThat(body.at("/totals/total_cost_usd").asDouble()).isCloseTo(cost, within(0.011));
    assertThat(body.at("/totals/total_carbon_kg_co2").asDouble())
        .isCloseTo(100.8 * 0.45, within(0.01));
  }

  /** The machine's {@code /kpi/all} for yesterday. */
  private static JsonNode kpi(String machine) {
    return fixture.getJson(
        "/api/v1/kpi/all?machine_id=" + machine + yesterdayWindow("start", "end"));
  }

  @Test
  void topConsumersAreOrderedByWhatTheyDrewAndAnUnknownMetricIs400() {
    JsonNode body =
        fixture.getJson(
            "/api/v1/analytics/top-consumers?metric=energy&limit=3"
                + yesterdayWindow("start_time", "end_time"));

    List<String> names = new ArrayList<>();
    body.get("ranking").forEach(r -> names.add(r.get("machine_name").asText()));
    assertThat(names).containsExactly("Compressor-1", "HVAC-Main", "Conveyor-A");
    assertThat(body.at("/ranking/0/rank").asInt()).isEqualTo(1);
    assertThat(body.at("/ranking/0/value").asDouble()).isCloseTo(48, within(1e-6));
    assertThat(body.at("/ranking/1/percentage").asDouble()).isCloseTo(23.8, within(0.05));
    assertThat(body.get("total_value").asDouble()).isCloseTo(100.8, within(1e-6));
    assertThat(body.get("machines_analyzed").asInt()).isEqualTo(4);
    assertThat(body.get("unit").asText()).isEqualTo("kWh");

    JsonNode cost =
        fixture.getJson(
            "/api/v1/analytics/top-consumers?metric=cost"
                + yesterdayWindow("start_time", "end_time"));
    assertThat(cost.at("/ranking/0/value").asDouble())
        .isCloseTo(kpi(COMPRESSOR).at("/kpis/energy_cost/value").asDouble(), within(0.006));

    HttpResponse<String> bad = fixture.get("/api/v1/analytics/top-consumers?metric=watts");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(NodeFixture.json(bad).get("detail").asText()).startsWith("Invalid metric");
  }

  @Test
  void theBoilersGasAndSteamAreSummedApartFromItsElectricity() {
    JsonNode summary =
        fixture.getJson(
            "/api/v1/machines/"
                + BOILER
                + "/energy-summary?"
                + yesterdayWindow("start_time", "end_time").substring(1));
    Map<String, JsonNode> byType = new HashMap<>();
    summary.get("summary_by_type").forEach(t -> byType.put(t.get("energy_type").asText(), t));

    assertThat(summary.get("total_energy_types").asInt()).isEqualTo(3);
    assertThat(byType.get("electricity").get("total_kwh").asDouble()).isCloseTo(9.6, within(1e-6));
    assertThat(byType.get("natural_gas").get("total_kwh").asDouble())
        .isCloseTo(GAS_M3 * 10.55, within(1e-3));
    assertThat(byType.get("natural_gas").get("native_total").asDouble())
        .isCloseTo(GAS_M3, within(1e-3));
    assertThat(byType.get("natural_gas").get("native_unit").asText()).isEqualTo("m³");
    assertThat(byType.get("steam").get("native_total").asDouble())
        .isCloseTo(STEAM_KG, within(1e-3));

    JsonNode types = fixture.getJson("/api/v1/machines/" + BOILER + "/energy-types?hours=48");
    assertThat(types.get("total_energy_types").asInt()).isEqualTo(3);
    assertThat(types.get("energy_types").findValuesAsText("energy_type"))
        .containsExactly("electricity", "natural_gas", "steam");

    JsonNode gas = fixture.getJson("/api/v1/machines/" + BOILER + "/energy/natural_gas?hours=24");
    assertThat(gas.get("count").asInt()).isEqualTo(4);
    assertThat(gas.get("unit").asText()).isEqualTo("m³");
    double m3 = 0;
    for (JsonNode r : gas.get("data")) {
      m3 += r.get("consumption_m3").asDouble();
      assertThat(r.get("power_kw").asDouble()).isCloseTo(60 * 10.55, within(1e-6));
    }
    assertThat(m3).isCloseTo(GAS_M3, within(1e-9));
    JsonNode steam = fixture.getJson("/api/v1/machines/" + BOILER + "/energy/steam");
    assertThat(steam.get("data").findValuesAsText("consumption_kg")).hasSize(3);

    // Electricity alone in the KPIs and in the aggregated statistics.
    assertThat(kpi(BOILER).at("/totals/total_energy_kwh").asDouble()).isCloseTo(9.6, within(1e-6));
    assertThat(fixture.get("/api/v1/machines/" + BOILER + "/energy/diesel").statusCode())
        .isEqualTo(400);
  }

  @Test
  void seriesAndComparisonsAddUpToTheImportedDay() {
    JsonNode multi =
        fixture.getJson(
            "/api/v1/timeseries/multi-machine/energy?machine_ids="
                + COMPRESSOR
                + ","
                + HVAC
                + "&interval=1hour"
                + yesterdayWindow("start_time", "end_time"));
    assertThat(multi.get("total_machines").asInt()).isEqualTo(2);
    assertThat(multi.at("/machines/0/total_kwh").asDouble()).isCloseTo(48, within(1e-6));
    assertThat(multi.at("/machines/1/machine_name").asText()).isEqualTo("HVAC-Main");
    double hvac = 0;
    for (JsonNode p : multi.at("/machines/1/data_points")) {
      hvac += p.get("value").asDouble();
    }
    assertThat(hvac).isCloseTo(24, within(1e-6));

    JsonNode sec =
        fixture.getJson(
            "/api/v1/timeseries/sec?machine_id="
                + CONVEYOR
                + "&interval=1day"
                + yesterdayWindow("start_time", "end_time"));
    // 19.2 kWh over 960 units.
    assertThat(sec.get("total_points").asInt()).isEqualTo(1);
    assertThat(sec.at("/data_points/0/value").asDouble()).isCloseTo(0.02, within(1e-9));

    JsonNode compare =
        fixture.getJson(
            "/api/v1/compare/machines?metric=energy&machine_ids="
                + HVAC
                + ","
                + COMPRESSOR
                + ","
                + BOILER
                + yesterdayWindow("start_time", "end_time"));
    assertThat(compare.at("/ranking/0/machine_name").asText()).isEqualTo("Compressor-1");
    assertThat(compare.at("/ranking/0/performance").asText()).isEqualTo("worst");
    assertThat(compare.get("best_performer").asText()).isEqualTo("Boiler-1");
    assertThat(compare.at("/ranking/2/metric_value").asDouble()).isCloseTo(9.6, within(1e-6));

    JsonNode comparison =
        fixture.getJson(
            "/api/v1/comparison/machines?machine_ids="
                + COMPRESSOR
                + ","
                + CONVEYOR
                + yesterdayWindow("start_date", "end_date"));
    Map<String, JsonNode> byName = new HashMap<>();
    comparison.get("machines").forEach(m -> byName.put(m.get("machine_name").asText(), m));
    JsonNode conveyor = byName.get("Conveyor-A");
    assertThat(conveyor.get("total_energy_kwh").asDouble()).isCloseTo(19.2, within(1e-6));
    assertThat(conveyor.get("sec").asDouble()).isCloseTo(0.02, within(1e-9));
    assertThat(conveyor.get("total_production").asLong()).isEqualTo(960);
    assertThat(conveyor.get("energy_cost").asDouble())
        .isCloseTo(kpi(CONVEYOR).at("/kpis/energy_cost/value").asDouble(), within(0.006));
    assertThat(byName.get("Compressor-1").get("rank_energy").asInt()).isEqualTo(2);
    assertThat(fixture.get("/api/v1/comparison/machines?machine_ids=" + COMPRESSOR).statusCode())
        .isEqualTo(400);
  }

  @Test
  void todayFiguresAndTheLatestMinuteComeFromTodaysData() {
    double today = todayRows > 0 ? todayRows * 0.5 : 0;
    JsonNode summary = fixture.getJson("/api/v1/factory/summary");
    assertThat(summary.at("/energy/total_kwh_today").asDouble()).isCloseTo(today, within(0.01));
    assertThat(summary.at("/machines/total").asInt())
        .isEqualTo(fixture.getJson("/api/v1/machines?is_active=true").size());
    assertThat(summary.at("/costs/total_usd_today").isNumber()).isTrue();
    assertThat(summary.has("timestamp")).isTrue();
    if (todayRows > 0) {
      assertThat(summary.at("/top_consumer/machine_name").asText()).isEqualTo("Compressor-1");
      JsonNode latest = fixture.getJson("/api/v1/timeseries/latest/" + COMPRESSOR);
      assertThat(latest.get("energy_kwh").asDouble()).isCloseTo(0.5, within(1e-9));
    }

    JsonNode system = fixture.getJson("/api/v1/stats/system");
    assertThat(system.get("total_energy").asDouble()).isCloseTo(100.8 + today, within(0.01));
    assertThat(system.get("total_readings").asLong()).isEqualTo(4 * 96 + 4 + 3 + todayRows);
    assertThat(system.get("estimated_cost").asDouble()).isPositive();
  }

  @Test
  void hostileRequestsAnswer4xxWithADetail() {
    HttpResponse<String> unknown =
        fixture.get("/api/v1/machines/00000000-0000-0000-0000-00000000abcd/energy-types");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(NodeFixture.json(unknown).get("detail").asText()).isEqualTo("Machine not found");
    HttpResponse<String> badDate =
        fixture.get("/api/v1/stats/aggregated?machine_ids=all&start_time=yesterday");
    assertThat(badDate.statusCode()).isEqualTo(422);
    assertThat(NodeFixture.json(badDate).get("detail").toString()).contains("start_time");
    assertThat(fixture.get("/api/v1/stats/aggregated").statusCode()).isEqualTo(400);
    assertThat(fixture.get("/api/v1/timeseries/latest/not-a-uuid").statusCode()).isEqualTo(422);
    HttpResponse<String> tooMany =
        fixture.get("/api/v1/machines/" + BOILER + "/energy-types?hours=1000");
    assertThat(tooMany.statusCode()).isEqualTo(422);
    HttpResponse<String> backwards =
        fixture.get("/api/v1/compare/machines?start_time=" + midnight + "&end_time=" + yesterday);
    assertThat(backwards.statusCode()).isEqualTo(422);
  }

  @Test
  void theDailyKpiSnapshotStoresWhatKpiAllSaysOfYesterday() {
    HttpResponse<String> trigger =
        fixture.send("POST", "/api/v1/scheduler/trigger/kpi_calculate", null);
    assertThat(trigger.statusCode()).as(trigger.body()).isEqualTo(200);
    NodeFixture.await(
        "the KPI snapshot to finish",
        Duration.ofSeconds(30),
        () -> "succeeded".equals(job("kpi_calculate").at("/last_run/outcome").asText()));

    String days =
        "&start="
            + LocalDate.ofInstant(yesterday, ZoneOffset.UTC)
            + "&end="
            + LocalDate.ofInstant(midnight, ZoneOffset.UTC);
    for (String machine : List.of(COMPRESSOR, CONVEYOR, BOILER)) {
      JsonNode history = fixture.getJson("/api/v1/kpi/history?machine_id=" + machine + days);
      JsonNode api = kpi(machine);
      assertThat(history.get("days")).hasSize(1);
      JsonNode day = history.at("/days/0");
      assertThat(day.get("total_energy_kwh").asDouble())
          .isCloseTo(api.at("/totals/total_energy_kwh").asDouble(), within(1e-6));
      assertThat(day.get("total_cost").asDouble())
          .isCloseTo(api.at("/kpis/energy_cost/value").asDouble(), within(0.006));
      assertThat(day.get("peak_demand_kw").asDouble())
          .isCloseTo(api.at("/kpis/peak_demand/value").asDouble(), within(0.001));
      assertThat(day.get("total_co2_kg").asDouble())
          .isCloseTo(api.at("/kpis/carbon_intensity/value").asDouble(), within(0.001));
    }
    assertThat(
            fixture
                .getJson("/api/v1/kpi/history?machine_id=" + CONVEYOR + days)
                .at("/days/0/sec_kwh_per_unit")
                .asDouble())
        .isCloseTo(0.02, within(1e-9));
    JsonNode gas =
        fixture.getJson(
            "/api/v1/kpi/history?machine_id=" + BOILER + days + "&energy_type=natural_gas");
    assertThat(gas.at("/days/0/total_energy_kwh").asDouble())
        .isCloseTo(GAS_M3 * 10.55, within(1e-3));
    // Idempotent: a second run replaces the rows.
    long rows = fixture.count("SELECT count(*) FROM kpi_daily_snapshots");
    assertThat(fixture.send("POST", "/api/v1/scheduler/trigger/kpi_calculate", null).statusCode())
        .isEqualTo(200);
    NodeFixture.await(
        "the second snapshot run",
        Duration.ofSeconds(30),
        () -> {
          JsonNode job = job("kpi_calculate");
          return job.get("runs").asLong() == 2
              && !job.get("state").asText().equals("running")
              && "succeeded".equals(job.at("/last_run/outcome").asText());
        });
    assertThat(fixture.count("SELECT count(*) FROM kpi_daily_snapshots")).isEqualTo(rows);
  }

  private static JsonNode job(String id) {
    for (JsonNode j : fixture.getJson("/api/v1/scheduler/status").get("jobs")) {
      if (j.get("id").asText().equals(id)) {
        return j;
      }
    }
    throw new AssertionError("no job " + id);
  }
}
