package org.enms.http.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.enms.http.RouteHarness.assertJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.enms.analytics.kpi.MachineKpis;
import org.enms.core.json.Json;
import org.enms.db.BlockingIo;
import org.enms.db.kpi.KpiDao;
import org.enms.db.kpi.StoredKpis;
import org.enms.db.testing.PostgresExtension;
import org.enms.http.RouteHarness;
import org.enms.http.machines.LiveStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code /kpi/*} endpoints over a real socket and a real PostgreSQL holding {@link
 * KpiSampleData}, priced by the roll-up refresh: each KPI against the hand-computed values, the
 * original's paths, parameters and fields, and the SQL function Grafana reads agreeing with the
 * API.
 */
class KpiRoutesTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static final Instant NOW = Instant.parse("2025-07-02T00:00:00Z");
  private static final String WINDOW = "&start=2025-06-01T00:00:00Z&end=2025-07-02T00:00:00Z";
  private static final String COMPRESSOR = "machine_id=" + KpiSampleData.COMPRESSOR;

  /** Live states for the factory's machine counts: the entities are not under test here. */
  private static final Map<UUID, String> STATES =
      Map.of(KpiSampleData.COMPRESSOR, "running", KpiSampleData.HVAC, "idle");

  private static ExecutorService executor;
  private static RouteHarness api;
  private static DbKpis kpis;

  @BeforeAll
  static void start() throws Exception {
    KpiSampleData.load(pg.database());
    executor = Executors.newFixedThreadPool(2);
    kpis =
        new DbKpis(
            pg.database(),
            new BlockingIo(executor),
            id ->
                CompletableFuture.completedFuture(
                    new LiveStatus(
                        STATES.getOrDefault(id, "stopped"), 0, null, 0, 0, 0, 0, 0, 0, 0)));
    api = new RouteHarness(new KpiRoutes(kpis, Clock.fixed(NOW, ZoneOffset.UTC))::routes);
  }

  @AfterAll
  static void stop() {
    api.close();
    executor.shutdown();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return api.get("/api/v1/kpi/" + path);
  }

  @Test
  void allKpisAreTheHandComputedOnesInTheOriginalsFields() throws Exception {
    assertJson(
        get("all?" + COMPRESSOR + WINDOW),
        200,
        """
        {"machine_id": "c0000000-0000-0000-0000-000000000001", "machine_name": "Compressor-1",
         "machine_type": "compressor", "energy_type": "electricity",
         "time_period": {"start": "2025-06-01T00:00:00Z", "end": "2025-07-02T00:00:00Z",
                         "hours": 744.0},
         "kpis": {
           "sec": {"value": 0.5, "unit": "kWh/unit", "description": "Specific Energy Consumption"},
           "peak_demand": {"value": 20.0, "unit": "kW",
                           "description": "Highest 15-minute average demand",
                           "time": "2025-07-01T17:00:00Z"},
           "load_factor": {"value": 0.6, "percent": 60.0, "unit": "ratio",
                           "description": "Average/Peak Demand Ratio"},
           "energy_cost": {"value": 363.0, "cost_per_unit": 12.1, "unit": "USD",
                           "description":
                             "Total Energy Cost (tariffs in force per interval, with demand charges)",
                           "energy_charge": 3.0, "demand_charge": 360.0},
           "carbon_intensity": {"value": 6.75, "co2_per_unit": 0.225, "unit": "kg CO2",
                                "description": "Total Carbon Emissions"}},
         "totals": {"total_energy_kwh": 15.0, "avg_power_kw": 12.0, "total_production_units": 30}}
        """);
  }

  @Test
  void theVoiceClientsTimestampFormsAreAccepted() throws Exception {
    String start = URLEncoder.encode("2025-06-01T00:00:00+00:00", StandardCharsets.UTF_8);
    String end = URLEncoder.encode("2025-07-01T23:59:59.999999+00:00", StandardCharsets.UTF_8);

    JsonNode body = json(get("all?" + COMPRESSOR + "&start=" + start + "&end=" + end));

    assertThat(body.at("/kpis/sec/value").asDouble()).isEqualTo(0.5);
    assertThat(body.at("/kpis/peak_demand/value").asDouble()).isEqualTo(20.0);
    assertThat(body.at("/kpis/load_factor/percent").asDouble()).isEqualTo(60.0);
    assertThat(body.at("/kpis/energy_cost/value").asDouble()).isEqualTo(363.0);
    assertThat(body.at("/kpis/carbon_intensity/value").asDouble()).isEqualTo(6.75);
  }

  @Test
  void aPeriodWithoutDataAnswersNullsNotZeros() throws Exception {
    JsonNode body =
        json(get("all?" + COMPRESSOR + "&start=2025-05-01T00:00:00Z&end=2025-05-02T00:00:00Z"));

    assertThat(body.at("/kpis/sec/value").isNull()).isTrue();
    assertThat(body.at("/kpis/peak_demand/value").isNull()).isTrue();
    assertThat(body.at("/kpis/load_factor/percent").isNull()).isTrue();
    assertThat(body.at("/kpis/energy_cost/value").isNull()).isTrue();
    assertThat(body.at("/totals/total_energy_kwh").asDouble()).isZero();
  }

  /**
   * Over whole months (read from the daily sums), and over a period whose first and last days are
   * partial (read from the intervals there, the daily sums between).
   */
  @Test
  void theSqlFunctionGrafanaReadsAgreesWithTheApi() {
    agree(KpiSampleData.START, KpiSampleData.END);
    agree(Instant.parse("2025-06-02T10:07:00Z"), Instant.parse("2025-07-01T20:00:00Z"));
  }

  private static void agree(Instant start, Instant end) {
    MachineKpis api =
        kpis.machine(KpiSampleData.COMPRESSOR, "electricity", start, end)
            .toCompletableFuture()
            .join()
            .kpis();
    StoredKpis sql =
        new KpiDao(pg.database())
            .calculateAllKpis(KpiSampleData.COMPRESSOR, start, end, "electricity")
            .orElseThrow();

    assertThat(sql.machineName()).isEqualTo("Compressor-1");
    assertThat(sql.timePeriodHours()).isEqualTo(api.hours());
    assertThat(sql.totalEnergyKwh()).isCloseTo(15.0, within(1e-9));
    assertThat(api.totalEnergyKwh()).isCloseTo(15.0, within(1e-9));
    assertThat(sql.avgPowerKw()).isCloseTo(api.avgPowerKw(), within(1e-9));
    assertThat(sql.peakDemandKw()).isCloseTo(api.peakDemandKw(), within(1e-9));
    assertThat(sql.peakDemandTime()).isEqualTo(api.peakAt());
    assertThat(sql.totalProductionUnits()).isEqualTo(30);
    assertThat(api.productionUnits()).isEqualTo(30);
    assertThat(sql.secKwhPerUnit()).isCloseTo(api.secKwhPerUnit(), within(1e-9));
    assertThat(sql.loadFactor()).isCloseTo(api.loadFactor(), within(1e-9));
    assertThat(sql.loadFactorPercent()).isCloseTo(api.loadFactorPercent(), within(1e-9));
    assertThat(sql.energyCharge()).isCloseTo(api.energyCharge(), within(1e-9));
    assertThat(sql.demandCharge()).isCloseTo(api.demandCharge(), within(1e-9));
    assertThat(sql.totalCost())
        .isCloseTo(363.0, within(1e-9))
        .isCloseTo(api.totalCost(), within(1e-9));
    assertThat(sql.currency()).isEqualTo("USD");
    assertThat(sql.costPerUnit()).isCloseTo(api.costPerUnit(), within(1e-9));
    assertThat(sql.totalCo2Kg()).isCloseTo(api.co2Kg(), within(1e-9));
    assertThat(sql.co2PerUnitKg()).isCloseTo(api.co2PerUnitKg(), within(1e-9));
  }

  @Test
  void oneKpiEndpointsAnswerTheOriginalsRows() throws Exception {
    String id = "\"machine_id\": \"c0000000-0000-0000-0000-000000000001\"";
    String names = "\"machine_name\": \"Compressor-1\", \"machine_type\": \"compressor\"";
    assertJson(
        get("sec?" + COMPRESSOR + WINDOW),
        200,
        "{"
            + id
            + ", \"sec_kwh_per_unit\": 0.5, \"total_energy_kwh\": 15.0,"
            + " \"total_production_units\": 30, \"time_period_hours\": 744.0, "
            + names
            + "}");
    assertJson(
        get("peak-demand?" + COMPRESSOR + WINDOW),
        200,
        "{"
            + id
            + ", \"peak_demand_kw\": 20.0, \"peak_time\": \"2025-07-01T17:00:00Z\","
            + " \"avg_power_kw\": 12.0, "
            + names
            + "}");
    assertJson(
        get("load-factor?" + COMPRESSOR + WINDOW),
        200,
        "{"
            + id
            + ", \"load_factor\": 0.6, \"load_factor_percent\": 60.0, \"avg_power_kw\": 12.0,"
            + " \"max_power_kw\": 20.0, "
            + names
            + "}");
    assertJson(
        get("carbon?" + COMPRESSOR + WINDOW),
        200,
        "{"
            + id
            + ", \"total_co2_kg\": 6.75, \"total_energy_kwh\": 15.0,"
            + " \"emission_factor\": 0.45, \"co2_per_unit_kg\": 0.225, "
            + names
            + "}");
  }

  @Test
  void energyCostScenariosSplitByTheFactorysLocalHours() throws Exception {
    String period =
        "\"time_period\": {\"start\": \"2025-06-01T00:00:00Z\", \"end\": \"2025-07-02T00:00:00Z\","
            + " \"duration_hours\": 744.0}";
    String id = "\"machine_id\": \"c0000000-0000-0000-0000-000000000001\"";
    assertJson(
        get("energy-cost?" + COMPRESSOR + WINDOW),
        200,
        "{\"tariff_type\": \"standard\", "
            + id
            + ", "
            + period
            + ", \"energy_kwh\": 15.0,"
            + " \"rate_usd_per_kwh\": 0.15, \"total_cost_usd\": 2.25,"
            + " \"cost_breakdown\": {\"energy_charge\": 2.25}}");
    // Local hours 08 (5 kWh), 09 (5 kWh) and 10 (5 kWh); peak from 09:00.
    assertJson(
        get("energy-cost?" + COMPRESSOR + WINDOW + "&tariff=time_of_use&peak_hours_start=9"),
        200,
        "{\"tariff_type\": \"time_of_use\", "
            + id
            + ", "
            + period
            + ","
            + " \"peak_hours\": \"09:00-20:00\", \"energy_kwh\": 15.0, \"total_cost_usd\": 2.5,"
            + " \"cost_breakdown\": {"
            + "  \"peak_hours\": {\"energy_kwh\": 10.0, \"rate_usd_per_kwh\": 0.2,"
            + "                   \"cost_usd\": 2.0, \"percentage\": 66.7},"
            + "  \"offpeak_hours\": {\"energy_kwh\": 5.0, \"rate_usd_per_kwh\": 0.1,"
            + "                      \"cost_usd\": 0.5, \"percentage\": 33.3}},"
            + " \"comparison_to_standard\": {\"standard_flat_rate\": 0.15,"
            + "   \"standard_cost_usd\": 2.25, \"tou_cost_usd\": 2.5, \"savings_usd\": -0.25,"
            + "   \"savings_percent\": -11.1}}");
    assertJson(
        get("energy-cost?" + COMPRESSOR + WINDOW + "&tariff=demand_charge"),
        200,
        "{\"tariff_type\": \"demand_charge\", "
            + id
            + ", "
            + period
            + ", \"energy_kwh\": 15.0,"
            + " \"peak_demand_kw\": 20.0, \"total_cost_usd\": 302.25,"
            + " \"cost_breakdown\": {"
            + "  \"energy_charge\": {\"energy_kwh\": 15.0, \"rate_usd_per_kwh\": 0.15,"
            + "                      \"cost_usd\": 2.25},"
            + "  \"demand_charge\": {\"peak_demand_kw\": 20.0, \"rate_usd_per_kw\": 15.0,"
            + "                      \"cost_usd\": 300.0}},"
            + " \"comparison_to_standard\": {\"standard_cost_usd\": 2.25,"
            + "   \"demand_charge_cost_usd\": 302.25, \"difference_usd\": 300.0,"
            + "   \"note\": \"Positive difference means demand charge billing is more expensive\"}}");
  }

  @Test
  void energyCostRefusesWhatTheOriginalRefused() throws Exception {
    assertJson(
        get("energy-cost?" + COMPRESSOR + WINDOW + "&tariff=flat"),
        400,
        "{\"detail\": \"Invalid tariff type. Must be one of: standard, time_of_use,"
            + " demand_charge\"}");
    assertJson(
        get("energy-cost?" + COMPRESSOR + WINDOW + "&peak_hours_start=20&peak_hours_end=8"),
        400,
        "{\"detail\": \"peak_hours_start must be less than peak_hours_end\"}");
    assertThat(get("energy-cost?" + COMPRESSOR + WINDOW + "&peak_hours_start=24").statusCode())
        .isEqualTo(422);
    assertThat(get("energy-cost?" + COMPRESSOR + WINDOW + "&peak_rate=cheap").statusCode())
        .isEqualTo(422);
    assertJson(
        get("energy-cost?" + COMPRESSOR + "&start=2025-05-01T00:00:00Z&end=2025-05-02T00:00:00Z"),
        404,
        "{\"detail\": \"No energy data found for machine c0000000-0000-0000-0000-000000000001"
            + " in the specified period\"}");
  }

  @Test
  void badRequestsAnswerTheEnvelope() throws Exception {
    assertJson(
        get("all?start=2025-06-01T00:00:00Z&end=2025-07-02T00:00:00Z"),
        422,
        "{\"detail\": [{\"loc\": [\"query\", \"machine_id\"], \"msg\": \"field required\","
            + " \"type\": \"value_error.missing\"}]}");
    assertThat(get("all?machine_id=nope" + WINDOW).statusCode()).isEqualTo(422);
    assertThat(get("all?" + COMPRESSOR + "&start=yesterday&end=today").statusCode()).isEqualTo(422);
    assertThat(
            get("all?" + COMPRESSOR + "&start=2025-07-02T00:00:00Z&end=2025-06-01T00:00:00Z")
                .statusCode())
        .isEqualTo(422);
    assertJson(
        get("all?machine_id=c0000000-0000-0000-0000-000000000099" + WINDOW),
        404,
        "{\"detail\": \"Machine not found\"}");
  }

  @Test
  void aFactoryIsItsMachinesAsOneMeterWithACoincidentPeak() throws Exception {
    assertJson(
        get("factory/" + KpiSampleData.FACTORY + "?" + WINDOW.substring(1)),
        200,
        """
        {"factory_id": "11111111-1111-1111-1111-111111111111",
         "factory_name": "Demo Manufacturing Plant", "factory_location": "Silicon Valley, CA",
         "time_period": {"start": "2025-06-01T00:00:00Z", "end": "2025-07-02T00:00:00Z",
                         "duration_hours": 744.0},
         "energy_metrics": {"total_energy_kwh": 18.0, "total_cost_usd": 483.75,
                            "total_carbon_kg": 8.1, "avg_power_kw": 14.4, "peak_power_kw": 28.0,
                            "currency": "USD", "demand_charge": 480.0},
         "production_metrics": {"total_units": 30, "units_good": 30, "units_bad": 0,
                                "quality_percent": 100.0, "factory_sec_kwh_per_unit": 0.6},
         "machine_status": {"total_machines": 6, "active": 1, "idle": 1, "stopped": 4,
                            "machines_with_data": 2},
         "timestamp": "2025-07-02T00:00:00Z"}
        """);
    assertJson(
        get("factory/33333333-3333-3333-3333-333333333333?" + WINDOW.substring(1)),
        404,
        "{\"detail\": \"No machines found for factory_id: 33333333-3333-3333-3333-333333333333\"}");
  }

  @Test
  void everyFactoryIsRankedAndCostsAreNeverSummedAcrossCurrencies() throws Exception {
    JsonNode body = json(get("factories?" + WINDOW.substring(1)));

    assertThat(body.get("factory_count").asInt()).isEqualTo(2);
    assertThat(body.at("/factories/0/factory_name").asText()).isEqualTo("Demo Manufacturing Plant");
    assertThat(body.at("/factories/1/energy_metrics/currency").asText()).isEqualTo("EUR");
    JsonNode totals = body.get("enterprise_totals");
    assertThat(totals.get("total_energy_kwh").asDouble()).isEqualTo(18.0);
    assertThat(totals.get("total_cost_usd").asDouble()).isEqualTo(483.75);
    assertThat(totals.get("total_carbon_kg").asDouble()).isEqualTo(8.1);
    assertThat(totals.get("total_machines").asInt()).isEqualTo(8);
    assertThat(totals.get("total_production_units").asLong()).isEqualTo(30);
    assertThat(totals.get("enterprise_sec_kwh_per_unit").asDouble()).isEqualTo(0.6);
    assertThat(totals.get("costs_by_currency").toString())
        .isEqualTo("{\"EUR\":0.0,\"USD\":483.75}");
    assertThat(body.at("/rankings/by_energy/0/rank").asInt()).isEqualTo(1);
    assertThat(body.at("/rankings/by_energy/0/percentage").asDouble()).isEqualTo(100.0);
    assertThat(body.at("/rankings/by_energy/1/factory_id").asText())
        .isEqualTo("22222222-2222-2222-2222-222222222222");
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.mapper().readTree(response.body());
  }
}
