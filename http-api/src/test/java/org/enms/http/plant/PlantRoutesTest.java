package org.enms.http.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.enms.core.json.Json;
import org.enms.db.BlockingIo;
import org.enms.db.testing.PostgresExtension;
import org.enms.http.RouteHarness;
import org.enms.http.cache.ReadCache;
import org.enms.http.kpi.KpiSampleData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The plant views over a real socket and PostgreSQL holding {@link KpiSampleData} (hand-computed:
 * Compressor-1 15 kWh costing 3.00 plus 360 of demand charges, 30 units; HVAC-Main 3 kWh costing
 * 0.75 plus 120). Costs include the demand charges, as {@code /kpi/all}'s do.
 */
class PlantRoutesTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static final Instant NOW = Instant.parse("2025-07-02T00:00:00Z");
  private static final String WINDOW =
      "start_time=2025-06-01T00:00:00Z&end_time=2025-07-02T00:00:00Z";
  private static final String C = KpiSampleData.COMPRESSOR.toString();
  private static final String H = KpiSampleData.HVAC.toString();

  private static ExecutorService executor;
  private static RouteHarness api;

  @BeforeAll
  static void start() throws Exception {
    KpiSampleData.load(pg.database());
    executor = Executors.newFixedThreadPool(2);
    BlockingIo io = new BlockingIo(executor);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    api = PlantApi.start(pg.database(), io, clock, ReadCache.disabled());
  }

  @AfterAll
  static void stop() {
    api.close();
    executor.shutdown();
  }

  private static JsonNode json(String path) throws Exception {
    HttpResponse<String> r = api.get("/api/v1/" + path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  @Test
  void costRankingsIncludeEachMonthsDemandCharge() throws Exception {
    JsonNode body = json("analytics/top-consumers?metric=cost&" + WINDOW);

    assertThat(body.at("/ranking/0/machine_name").asText()).isEqualTo("Compressor-1");
    assertThat(body.at("/ranking/0/value").asDouble()).isEqualTo(363.0);
    assertThat(body.at("/ranking/1/value").asDouble()).isEqualTo(120.75);
    assertThat(body.get("total_value").asDouble()).isEqualTo(483.75);
    assertThat(body.get("unit").asText()).isEqualTo("USD");
  }

  @Test
  void aggregatedStatsAndEnergyRankingAreTheHandComputedSums() throws Exception {
    JsonNode agg = json("stats/aggregated?machine_ids=" + H + "," + C + "&" + WINDOW);
    assertThat(agg.get("query").asText()).isEqualTo("2 machines");
    assertThat(agg.at("/totals/total_energy_kwh").asDouble()).isEqualTo(18.0);
    assertThat(agg.at("/totals/total_cost_usd").asDouble()).isEqualTo(483.75);
    assertThat(agg.at("/totals/total_carbon_kg_co2").asDouble()).isCloseTo(8.1, within(1e-9));
    assertThat(agg.at("/machines/0/reading_count").asLong()).isEqualTo(75);
    assertThat(agg.at("/machines/0/peak_power_kw").asDouble()).isEqualTo(20.0);
    assertThat(agg.at("/machines/0/min_power_kw").asDouble()).isEqualTo(4.0);
    assertThat(agg.at("/rankings/highest_peak_power").asText()).isEqualTo("Compressor-1");

    JsonNode top = json("analytics/top-consumers?metric=energy&" + WINDOW);
    assertThat(top.at("/ranking/0/percentage").asDouble()).isEqualTo(83.3);
    assertThat(top.at("/ranking/1/percentage").asDouble()).isEqualTo(16.7);
  }

  @Test
  void theComparisonTakesTheKpiServicesFigures() throws Exception {
    JsonNode body =
        json(
            "comparison/machines?machine_ids="
                + C
                + ","
                + H
                + "&start_date=2025-06-01T00:00:00Z&end_date=2025-07-02T00:00:00Z");
    JsonNode compressor =
        body.at("/machines/0").get("machine_name").asText().equals("Compressor-1")
            ? body.at("/machines/0")
            : body.at("/machines/1");

    assertThat(compressor.get("sec").asDouble()).isEqualTo(0.5);
    assertThat(compressor.get("energy_cost").asDouble()).isEqualTo(363.0);
    assertThat(compressor.get("load_factor").asDouble()).isEqualTo(60.0);
    assertThat(compressor.get("peak_power_kw").asDouble()).isEqualTo(20.0);
    assertThat(compressor.get("total_production").asLong()).isEqualTo(30);
    // Five 15-minute intervals above 0.5 kW.
    assertThat(compressor.get("operating_hours").asDouble()).isEqualTo(1.25);
    assertThat(compressor.get("rank_energy").asInt()).isEqualTo(2);
    assertThat(compressor.get("rank_sec").asInt()).isEqualTo(1);

    JsonNode flat =
        json(
            "comparison/machines?machine_ids="
                + C
                + ","
                + H
                + "&start_date=2025-06-01&end_date=2025-07-02&energy_cost_per_kwh=0.2");
    assertThat(flat.at("/machines").findValuesAsText("energy_cost"))
        .containsExactlyInAnyOrder("3.0", "0.6");
  }

  @Test
  void secPerDayAndEfficiencyComparisonUseProduction() throws Exception {
    JsonNode sec = json("timeseries/sec?machine_id=" + C + "&interval=1day&" + WINDOW);
    // 2 June: 10 kWh over 10 units; 1 July: 5 kWh over 20 units.
    assertThat(sec.get("data_points").findValuesAsText("value")).containsExactly("1.0", "0.25");

    JsonNode compare =
        json("compare/machines?metric=efficiency&machine_ids=" + C + "," + H + "&" + WINDOW);
    assertThat(compare.get("machines_count").asInt()).isEqualTo(1);
    assertThat(compare.get("best_performer").asText()).isEqualTo("Compressor-1");
    assertThat(compare.at("/ranking/0/metric_value").asDouble()).isEqualTo(0.5);
  }

  @Test
  void wrongParametersAre4xxWithADetail() throws Exception {
    assertThat(api.get("/api/v1/compare/machines?metric=joy&" + WINDOW).statusCode())
        .isEqualTo(400);
    assertThat(
            api.get("/api/v1/timeseries/sec?machine_id=" + C + "&interval=2day&" + WINDOW)
                .statusCode())
        .isEqualTo(422);
    HttpResponse<String> eleven =
        api.get(
            "/api/v1/timeseries/multi-machine/energy?"
                + WINDOW
                + "&machine_ids="
                + String.join(
                    ",",
                    java.util.stream.Stream.generate(java.util.UUID::randomUUID)
                        .limit(11)
                        .map(Object::toString)
                        .toList()));
    assertThat(eleven.statusCode()).isEqualTo(400);
    assertThat(api.get("/api/v1/timeseries/latest/" + java.util.UUID.randomUUID()).statusCode())
        .isEqualTo(404);
  }
}
