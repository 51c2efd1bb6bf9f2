package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The KPIs on one node fed by the demo-plant simulator, over real PostgreSQL, MQTT and HTTP: the
 * voice client's KPI requests answered with the fields it reads, every {@code /kpi} endpoint with
 * the original's parameters, the SQL function Grafana reads agreeing with the API, and a tariff
 * made over REST pricing a new meter's counter energy (with a reset) in {@code /kpi/all} and in
 * {@code today_stats.cost_usd}.
 */
class KpiEndToEndTest {
  private static final String COMPRESSOR = "c0000000-0000-0000-0000-000000000001";
  private static final String METER = "5b1f3c6e-8a1d-4f57-9a55-2f9c1e0b7a77";
  private static final DateTimeFormatter PYTHON_ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

  private static NodeFixture fixture;
  private static MqttClient publisher;
  private static int simulatorPort;

  @BeforeAll
  static void start() {
    fixture = new NodeFixture();
    simulatorPort = NodeFixture.freePort();
    fixture.startNode(
        Map.of(
            "enms.simulator.enabled",
            true,
            "enms.simulator.http.port",
            simulatorPort,
            "enms.simulator.client-id",
            "sim-" + fixture.clientId));
    publisher = fixture.publisher();
    NodeFixture.await(
        "Compressor-1's first priced interval",
        Duration.ofSeconds(60),
        () ->
            fixture.count(
                    "SELECT count(*) FROM energy_costs_15min WHERE machine_id = '"
                        + COMPRESSOR
                        + "' AND energy_kwh > 0")
                > 0);
  }

  @AfterAll
  static void stop() throws Exception {
    if (publisher != null) {
      publisher.disconnect();
    }
    fixture.close();
  }

  /** Today 00:00 UTC to now, as the voice client sends them: Python isoformat, URL-encoded. */
  private static String today() {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    OffsetDateTime midnight = now.truncatedTo(ChronoUnit.DAYS);
    return "&start="
        + encode(midnight.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).replace("Z", "+00:00"))
        + "&end="
        + encode(now.format(PYTHON_ISO));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void theVoiceClientsKpiIntentGetsEveryFieldItReads() {
    // Resolve as the client does: GET /machines?search={m}, then [0].id.
    String id = fixture.getJson("/api/v1/machines?search=Compressor-1").get(0).get("id").asText();
    assertThat(id).isEqualTo(COMPRESSOR);
    String path = "/api/v1/kpi/all?machine_id=" + id;
    NodeFixture.await(
        "today's KPIs of Compressor-1",
        Duration.ofSeconds(30),
        () -> fixture.getJson(path + today()).at("/kpis/energy_cost/value").isNumber());

    JsonNode body = fixture.getJson(path + today());

    // What the simulated compressor draws depends on the day (weekends, shifts); the fields are
    // there and agree with each other whatever it drew.
    double kwh = body.at("/totals/total_energy_kwh").asDouble();
    assertThat(body.get("machine_name").asText()).isEqualTo("Compressor-1");
    assertThat(body.at("/kpis/peak_demand/value").isNumber()).isTrue();
    assertThat(body.at("/kpis/load_factor").has("percent")).isTrue();
    assertThat(body.at("/kpis/sec").has("value")).isTrue();
    assertThat(body.at("/kpis/energy_cost/unit").asText()).isEqualTo("USD");
    assertThat(body.at("/time_period/hours").isNumber()).isTrue();
    // Silicon Valley: 0.10 at night, 0.25 on weekday days, 0.15 on weekend days; 0.45 kg CO₂/kWh.
    assertThat(body.at("/kpis/energy_cost/value").asDouble())
        .isBetween(kwh * 0.10 - 0.01, kwh * 0.25 + 0.01);
    assertThat(body.at("/kpis/carbon_intensity/value").asDouble())
        .isCloseTo(kwh * 0.45, within(0.002));
  }

  @Test
  void everyKpiEndpointAnswersWithTheOriginalsParametersAndFields() {
    String machine = "machine_id=" + COMPRESSOR;
    String factory = "/api/v1/kpi/factory/11111111-1111-1111-1111-111111111111?";
    assertThat(fields("/api/v1/kpi/sec?" + machine + today()))
        .contains(
            "machine_id",
            "sec_kwh_per_unit",
            "total_energy_kwh",
            "total_production_units",
            "time_period_hours",
            "machine_name",
            "machine_type");
    assertThat(fields("/api/v1/kpi/peak-demand?" + machine + today()))
        .contains("peak_demand_kw", "peak_time", "avg_power_kw");
    assertThat(fields("/api/v1/kpi/load-factor?" + machine + today()))
        .contains("load_factor", "load_factor_percent", "avg_power_kw", "max_power_kw");
    assertThat(fields("/api/v1/kpi/carbon?" + machine + today()))
        .contains("total_co2_kg", "total_energy_kwh", "emission_factor", "co2_per_unit_kg");
    for (String tariff : new String[] {"standard", "time_of_use", "demand_charge"}) {
      JsonNode cost =
          fixture.getJson("/api/v1/kpi/energy-cost?" + machine + today() + "&tariff=" + tariff);
      assertThat(cost.get("tariff_type").asText()).isEqualTo(tariff);
      assertThat(cost.get("total_cost_usd").isNumber()).isTrue();
      assertThat(cost.has("cost_breakdown")).isTrue();
    }
    assertThat(
            fixture.get("/api/v1/kpi/energy-cost?" + machine + today() + "&tariff=x").statusCode())
        .isEqualTo(400);
    JsonNode f = fixture.getJson(factory + today().substring(1));
    double factoryKwh = f.at("/energy_metrics/total_energy_kwh").asDouble();
    assertThat(f.at("/energy_metrics/total_cost_usd").asDouble())
        .isBetween(factoryKwh * 0.10 - 0.01, factoryKwh * 0.25 + 0.01);
    assertThat(f.at("/machine_status/total_machines").asInt()).isEqualTo(6);
    assertThat(f.at("/machine_status/machines_with_data").asInt()).isPositive();
    assertThat(fields(factory + today().substring(1)))
        .contains(
            "factory_id",
            "factory_name",
            "factory_location",
            "time_period",
            "energy_metrics",
            "production_metrics",
            "machine_status",
            "timestamp");
    JsonNode all = fixture.getJson("/api/v1/kpi/factories?" + today().substring(1));
    // The demo plant's two factories, and the one another test may have added.
    assertThat(all.get("factory_count").asInt()).isBetween(2, 3);
    assertThat(all.get("factories").findValuesAsText("factory_name"))
        .contains("Demo Manufacturing Plant", "European Production Facility");
    assertThat(all.at("/enterprise_totals/total_energy_kwh").asDouble())
        .isGreaterThanOrEqualTo(factoryKwh);
    assertThat(all.at("/rankings/by_energy").size()).isEqualTo(all.get("factory_count").asInt());
  }

  @Test
  void theSqlFunctionAgreesWithTheApiOnceTheReadingsStop() throws Exception {
    HttpResponse<String> stopped =
        NodeFixture.postToSimulator(simulatorPort, "/simulator/stop", "{}");
    assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
    Instant midnight = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = Instant.now().plus(Duration.ofHours(1));
    String sql =
        "SELECT * FROM calculate_all_kpis('" + COMPRESSOR + "', '" + midnight + "', '" + end + "')";
    // The last messages in flight are stored and priced within a few refreshes.
    String[] last = {""};
    NodeFixture.await(
        "the priced intervals to stop changing",
        Duration.ofSeconds(30),
        () -> {
          pause(Duration.ofMillis(1500));
          String now = row(sql).toString();
          boolean same = now.equals(last[0]);
          last[0] = now;
          return same;
        });

    Map<String, Object> row = row(sql);
    JsonNode api =
        fixture.getJson(
            "/api/v1/kpi/all?machine_id=" + COMPRESSOR + "&start=" + midnight + "&end=" + end);

    assertThat(api.at("/totals/total_energy_kwh").asDouble())
        .isCloseTo((double) row.get("total_energy_kwh"), within(0.0005));
    assertThat(api.at("/totals/avg_power_kw").asDouble())
        .isCloseTo((double) row.get("avg_power_kw"), within(0.0005));
    assertThat(api.at("/kpis/peak_demand/value").asDouble())
        .isCloseTo((double) row.get("peak_demand_kw"), within(0.0005));
    assertThat(api.at("/kpis/load_factor/value").asDouble())
        .isCloseTo((double) row.get("load_factor"), within(0.00005));
    assertThat(api.at("/kpis/energy_cost/value").asDouble())
        .isCloseTo((double) row.get("total_cost"), within(0.005));
    assertThat(api.at("/kpis/carbon_intensity/value").asDouble())
        .isCloseTo((double) row.get("total_co2_kg"), within(0.0005));
    assertThat(api.at("/totals/total_production_units").asLong())
        .isEqualTo((long) row.get("total_production_units"));
    if (row.get("sec_kwh_per_unit") != null) {
      assertThat(api.at("/kpis/sec/value").asDouble())
          .isCloseTo((double) row.get("sec_kwh_per_unit"), within(0.00005));
    }
  }

  /** One register value and the energy it should be given, worked out by hand, kWh. */
  private record Step(int second, double registerKwh, double expectedKwh) {}

  @Test
  void aTariffMadeOverRestPricesANewMetersCounterEnergyAcrossAReset() {
    assertThat(
            fixture
                .send(
                    "POST", "/api/v1/factories", "{\"name\": \"KPI Works\", \"timezone\": \"UTC\"}")
                .statusCode())
        .isEqualTo(201);
    HttpResponse<String> tariff =
        fixture.send(
            "POST",
            "/api/v1/tariffs",
            "{\"factory\": \"KPI Works\", \"name\": \"Flat\", \"rate_per_kwh\": 0.40,"
                + " \"valid_from\": \"2000-01-01\"}");
    assertThat(tariff.statusCode()).as(tariff.body()).isEqualTo(201);
    HttpResponse<String> machine =
        fixture.send(
            "POST",
            "/api/v1/machines",
            "{\"id\": \""
                + METER
                + "\", \"name\": \"Meter-K1\", \"factory\": \"KPI Works\","
                + " \"rated_power_kw\": 50}");
    assertThat(machine.statusCode()).as(machine.body()).isEqualTo(201);

    Instant base = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
    Step[] steps = {
      new Step(0, 5000.0, 0), // the meter's first value only sets the baseline
      new Step(60, 5000.5, 0.5),
      new Step(120, 5001.2, 0.7),
      new Step(180, 0.4, 0.4), // the meter restarted from 0
      new Step(240, 0.9, 0.5),
      new Step(300, 1.5, 0.6)
    };
    for (Step s : steps) {
      NodeFixture.publish(
          publisher,
          "factory/kpi-works/meter-k1/energy",
          "{\"time\":\""
              + base.plusSeconds(s.second())
              + "\",\"machine_id\":\""
              + METER
              + "\",\"power_kw\":30.0,\"energy_total_kwh\":"
              + s.registerKwh()
              + "}");
    }
    String kpis =
        "/api/v1/kpi/all?machine_id="
            + METER
            + "&start="
            + base.minus(Duration.ofHours(1))
            + "&end="
            + base.plus(Duration.ofHours(1));
    NodeFixture.await(
        "the meter's priced energy",
        Duration.ofSeconds(30),
        () ->
            Math.abs(fixture.getJson(kpis).at("/totals/total_energy_kwh").asDouble() - 2.7) < 1e-6);

    JsonNode body = fixture.getJson(kpis);
    assertThat(body.at("/kpis/energy_cost/value").asDouble()).isEqualTo(1.08); // 2.7 × 0.40
    assertThat(body.at("/kpis/carbon_intensity/value").asDouble()).isEqualTo(1.215); // × 0.45
    assertThat(body.at("/kpis/peak_demand/value").asDouble()).isEqualTo(30.0);

    double expectedToday = 0;
    Instant midnight = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    for (Step s : steps) {
      if (!base.plusSeconds(s.second()).isBefore(midnight)) {
        expectedToday += s.expectedKwh();
      }
    }
    double costToday = Math.round(expectedToday * 0.40 * 100) / 100.0;
    NodeFixture.await(
        "today's cost of the meter",
        Duration.ofSeconds(20),
        () ->
            fixture
                    .getJson("/api/v1/machines/status/Meter-K1")
                    .at("/today_stats/cost_usd")
                    .asDouble()
                == costToday);
  }

  private static java.util.List<String> fields(String path) {
    JsonNode body = fixture.getJson(path);
    java.util.List<String> names = new java.util.ArrayList<>();
    body.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, Object> row(String sql) {
    try (Connection c =
            DriverManager.getConnection(fixture.jdbcUrl, fixture.dbUser, fixture.dbPassword);
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      Map<String, Object> values = new java.util.TreeMap<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        Object v = rs.getObject(i);
        values.put(rs.getMetaData().getColumnName(i), v);
      }
      return values;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
