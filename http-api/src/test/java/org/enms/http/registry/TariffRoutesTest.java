package org.enms.http.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.enms.http.RouteHarness.assertJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.enms.core.json.Json;
import org.enms.core.plant.DemoPlant;
import org.enms.db.BlockingIo;
import org.enms.db.kpi.KpiDao;
import org.enms.db.testing.PostgresExtension;
import org.enms.http.RouteHarness;
import org.enms.http.kpi.KpiSampleData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /tariffs} over a real socket and a real PostgreSQL: versions listed and added, invalid
 * versions refused in FastAPI's 422 shape, and a version that would reprice intervals already
 * billed refused unless the history is repriced explicitly.
 */
class TariffRoutesTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static final String DEMO = DemoPlant.DEMO_FACTORY.toString();
  private static final Instant NOW = Instant.parse("2025-07-02T00:00:00Z");

  private static ExecutorService executor;
  private static RouteHarness api;

  @BeforeAll
  static void start() throws Exception {
    KpiSampleData.load(pg.database());
    executor = Executors.newFixedThreadPool(2);
    api =
        new RouteHarness(
            DbRegistry.routes(
                    pg.database(),
                    new BlockingIo(executor),
                    () -> CompletableFuture.completedFuture(null),
                    Clock.fixed(NOW, ZoneOffset.UTC))
                ::routes);
  }

  @AfterAll
  static void stop() {
    api.close();
    executor.shutdown();
  }

  private static HttpResponse<String> post(String body) throws Exception {
    return api.post("/api/v1/tariffs", body);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return Json.mapper().readTree(response.body());
  }

  @Test
  void listsTheDemoPlantsTariffsAsVersions() throws Exception {
    JsonNode all =
        json(api.get("/api/v1/tariffs?factory_id=" + DEMO + "&energy_source=electricity"));

    assertThat(all.isArray()).isTrue();
    assertThat(all.findValuesAsText("name")).contains("Off-Peak Rate", "Peak Hours Rate");
    JsonNode offPeak = json(api.get("/api/v1/tariffs/f0000000-0000-0000-0000-000000000002"));
    assertThat(offPeak.get("id").asText()).isEqualTo("f0000000-0000-0000-0000-000000000002");
    assertThat(offPeak.get("kind").asText()).isEqualTo("time_of_use");
    assertThat(offPeak.get("start_hour").asInt()).isEqualTo(21);
    assertThat(offPeak.get("end_hour").asInt()).isEqualTo(9);
    assertThat(offPeak.get("version").asInt()).isEqualTo(1);
    assertThat(offPeak.get("valid_from").asText()).isEqualTo("2024-01-01");
    assertThat(offPeak.get("factory_name").asText()).isEqualTo("Demo Manufacturing Plant");
    assertJson(
        api.get("/api/v1/tariffs/f0000000-0000-0000-0000-000000000099"),
        404,
        "{\"detail\": \"Tariff not found\"}");
  }

  @Test
  void aNewVersionFromALaterDateSupersedesThePreviousOne() throws Exception {
    HttpResponse<String> created =
        post(
            "{\"factory_id\": \""
                + DEMO
                + "\", \"name\": \"Off-Peak Rate\","
                + " \"kind\": \"time_of_use\", \"rate_per_kwh\": 0.08, \"start_hour\": 21,"
                + " \"end_hour\": 9, \"valid_from\": \"2025-09-01\"}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode body = json(created);
    assertThat(body.get("version").asInt()).isEqualTo(2);
    assertThat(body.get("currency").asText()).isEqualTo("USD");
    assertThat(body.get("energy_source").asText()).isEqualTo("electricity");
    assertThat(body.get("repriced_intervals").asInt()).isZero();
    JsonNode first = json(api.get("/api/v1/tariffs/f0000000-0000-0000-0000-000000000002"));
    assertThat(first.get("superseded_on").asText()).isEqualTo("2025-09-01");
    assertThat(first.get("rate_per_kwh").asDouble()).isEqualTo(0.10);
  }

  @Test
  void aVersionStartingWhereIntervalsAreBilledIsRefusedUnlessTheHistoryIsRepriced()
      throws Exception {
    String version =
        "\"factory\": \"Demo Manufacturing Plant\", \"name\": \"Peak Hours Rate\","
            + " \"rate_per_kwh\": 0.30, \"start_hour\": 9, \"end_hour\": 21,"
            + " \"applicable_days\": [1, 2, 3, 4, 5], \"valid_from\": \"2025-06-15\"";

    assertJson(
        post("{" + version + "}"),
        409,
        "{\"detail\": \"Intervals up to 2025-07-01T17:00:00Z are already priced and keep their"
            + " prices; a new version can start on 2025-07-02 or later (or reprice the history"
            + " explicitly)\"}");
    HttpResponse<String> repriced = post("{" + version + ", \"reprice_history\": true}");

    assertThat(repriced.statusCode()).as(repriced.body()).isEqualTo(201);
    // From 15 June only Compressor-1's 1 July interval was billed: 5 kWh now at 0.30.
    assertThat(json(repriced).get("repriced_intervals").asInt()).isEqualTo(1);
    double energyCharge =
        new KpiDao(pg.database())
            .calculateAllKpis(
                KpiSampleData.COMPRESSOR, KpiSampleData.START, KpiSampleData.END, "electricity")
            .orElseThrow()
            .energyCharge();
    assertThat(energyCharge).isCloseTo(0.2 + 0.3 + 1.0 + 0.25 + 1.5, within(1e-9));
  }

  @Test
  void aDemandChargeNeedsNoEnergyRate() throws Exception {
    HttpResponse<String> created =
        post(
            "{\"factory_id\": \""
                + DEMO
                + "\", \"name\": \"Winter demand\","
                + " \"demand_charge_per_kw\": 12.5, \"valid_from\": \"2025-11-01\"}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(json(created).get("kind").asText()).isEqualTo("demand_charge");
    assertThat(json(created).get("demand_charge_per_kw").asDouble()).isEqualTo(12.5);
  }

  @Test
  void invalidVersionsAreRefusedNamingTheField() throws Exception {
    assertJson(
        post("{\"factory_id\": \"" + DEMO + "\"}"),
        422,
        "{\"detail\": ["
            + "{\"loc\": [\"body\", \"name\"], \"msg\": \"field required\","
            + " \"type\": \"value_error.missing\"},"
            + "{\"loc\": [\"body\", \"valid_from\"], \"msg\": \"field required\","
            + " \"type\": \"value_error.missing\"},"
            + "{\"loc\": [\"body\", \"rate_per_kwh\"], \"msg\": \"field required\","
            + " \"type\": \"value_error.missing\"}]}");
    String base = "\"factory_id\": \"" + DEMO + "\", \"valid_from\": \"2026-01-01\"";
    assertField(
        post("{" + base + ", \"name\": \"A\", \"rate_per_kwh\": 0.2, \"kind\": \"x\"}"), "kind");
    assertField(
        post(
            "{"
                + base
                + ", \"name\": \"B\", \"rate_per_kwh\": 0.2, \"start_hour\": 25,"
                + " \"end_hour\": 3}"),
        "start_hour");
    assertField(
        post("{" + base + ", \"name\": \"C\", \"rate_per_kwh\": 0.2, \"currency\": \"EUR\"}"),
        "currency");
    assertField(
        post(
            "{"
                + base
                + ", \"name\": \"D\", \"rate_per_kwh\": 0.2,"
                + " \"energy_source\": \"plasma\"}"),
        "energy_source");
    assertField(
        post(
            "{\"factory\": \"Atlantis\", \"valid_from\": \"2026-01-01\", \"name\": \"E\","
                + " \"rate_per_kwh\": 0.2}"),
        "factory");
    assertField(
        post(
            "{"
                + base
                + ", \"name\": \"Peak Hours Rate\", \"rate_per_kwh\": 0.2,"
                + " \"energy_source\": \"natural_gas\"}"),
        "energy_source");
    assertField(
        post("{" + base + ", \"name\": \"F\", \"rate_per_kwh\": \"cheap\"}"), "rate_per_kwh");
  }

  @Test
  void theSameVersionTwiceIsAConflict() throws Exception {
    String body =
        "{\"factory_id\": \""
            + DEMO
            + "\", \"name\": \"Night saver\", \"rate_per_kwh\": 0.08,"
            + " \"valid_from\": \"2026-02-01\"}";
    assertThat(post(body).statusCode()).isEqualTo(201);

    HttpResponse<String> again = post(body);

    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    assertThat(json(again).get("detail").asText()).contains("valid from");
  }

  private static void assertField(HttpResponse<String> response, String field) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    assertThat(json(response).at("/detail/0/loc/1").asText()).as(response.body()).isEqualTo(field);
  }
}
