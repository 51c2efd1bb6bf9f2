package org.enms.http.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.enms.core.json.Json;
import org.enms.db.BlockingIo;
import org.enms.db.kpi.PlantDao;
import org.enms.db.kpi.PlantDao.MachineTotals;
import org.enms.db.testing.PostgresExtension;
import org.enms.http.RouteHarness;
import org.enms.http.cache.CacheSettings;
import org.enms.http.cache.ReadCache;
import org.enms.http.kpi.KpiSampleData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /factory/summary}'s priced figures: the month and today from one read of the month's
 * intervals, and kept in the read cache until a refresh stamps the month. {@link KpiSampleData}
 * (June: Compressor-1 peaks at 16 kW, HVAC-Main at 12 kW; a demand charge of 10 per kW) plus, on
 * "today" 20 June (a Friday, 08:00 local: the night rate 0.10), Compressor-1 at 10 kW and HVAC-Main
 * at 30 kW for a quarter hour: 2.5 and 7.5 kWh. The second test adds data, so the order is fixed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FactorySummaryTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static final Instant MONTH = Instant.parse("2025-06-01T00:00:00Z");
  private static final Instant TODAY = Instant.parse("2025-06-20T00:00:00Z");
  private static final Instant MORNING = Instant.parse("2025-06-20T15:00:00Z");
  private static final Instant NOW = Instant.parse("2025-06-20T18:00:00Z");
  private static final List<UUID> BOTH = List.of(KpiSampleData.COMPRESSOR, KpiSampleData.HVAC);

  private static ExecutorService executor;
  private static ReadCache cache;
  private static RouteHarness api;

  @BeforeAll
  static void start() throws Exception {
    KpiSampleData.load(pg.database());
    write(KpiSampleData.COMPRESSOR, MORNING, 10);
    write(KpiSampleData.HVAC, MORNING, 30);
    executor = Executors.newFixedThreadPool(2);
    BlockingIo io = new BlockingIo(executor);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    cache = ReadCache.of(CacheSettings.fromConfig(ConfigFactory.load()), Optional.empty());
    api = PlantApi.start(pg.database(), io, clock, cache);
  }

  @AfterAll
  static void stop() {
    api.close();
    executor.shutdown();
  }

  /** A quarter hour at {@code kw} from {@code start}, rolled up and priced; no cache stamp. */
  private static void write(UUID machine, Instant start, double kw) {
    PlantApi.writeQuarterHour(pg.database(), machine, start, kw);
  }

  private static JsonNode summary() throws Exception {
    HttpResponse<String> r = api.get("/api/v1/factory/summary");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  @Test
  @Order(1)
  void oneReadOfTheMonthEqualsTheMonthAndTodayReadApart() {
    var dao = new PlantDao(pg.database(), Clock.fixed(NOW, ZoneOffset.UTC));
    var both = dao.todayAndMonth(BOTH, "electricity", MONTH, TODAY, NOW);

    Comparator<Double> close = (a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b);
    assertThat(both.today())
        .usingRecursiveFieldByFieldElementComparator()
        .usingComparatorForType(close, Double.class)
        .containsExactlyElementsOf(dao.totals(BOTH, "electricity", TODAY, NOW, false));
    assertThat(both.month())
        .usingRecursiveFieldByFieldElementComparator()
        .usingComparatorForType(close, Double.class)
        .containsExactlyInAnyOrderElementsOf(dao.totals(BOTH, "electricity", MONTH, NOW, false));
    // Each period's demand charge is its own peak: June's 16 kW, today's 10 kW (not their sum).
    MachineTotals compressorMonth =
        both.month().stream()
            .filter(t -> t.machineId().equals(KpiSampleData.COMPRESSOR))
            .findFirst()
            .orElseThrow();
    assertThat(compressorMonth.demandCharge()).isCloseTo(160.0, within(1e-9));
    assertThat(compressorMonth.kwh()).isCloseTo(12.5, within(1e-9));
    assertThat(both.today().get(0).machineName()).isEqualTo("HVAC-Main");
    assertThat(both.today().get(0).demandCharge()).isCloseTo(300.0, within(1e-9));
    assertThat(both.today().get(1).demandCharge()).isCloseTo(100.0, within(1e-9));
  }

  @Test
  @Order(2)
  void pricedFiguresComeFromTheCacheUntilTheMonthIsStampedAndAnomaliesAlwaysFresh()
      throws Exception {
    JsonNode first = summary();
    assertThat(first.at("/energy/total_kwh_today").asDouble()).isEqualTo(10.0);
    // 0.25 + 100 and 0.75 + 300: energy at the night rate plus today's peaks at 10 per kW.
    assertThat(first.at("/costs/total_usd_today").asDouble()).isEqualTo(401.0);
    assertThat(first.at("/top_consumer/machine_name").asText()).isEqualTo("HVAC-Main");
    assertThat(first.at("/top_consumer/percent_of_total").asDouble()).isEqualTo(75.0);

    // Priced but not yet stamped (the node stamps right after each refresh): still the cached one.
    write(KpiSampleData.COMPRESSOR, MORNING.plusSeconds(900), 40);
    pg.database()
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO anomalies (machine_id, detected_at, anomaly_type, severity)"
                        + " VALUES (?, ?, 'spike', 'critical')",
                    KpiSampleData.HVAC,
                    java.time.OffsetDateTime.ofInstant(NOW.minusSeconds(60), ZoneOffset.UTC)));
    JsonNode cached = summary();
    assertThat(cached.at("/energy/total_kwh_today").asDouble()).isEqualTo(10.0);
    assertThat(cached.at("/anomalies/critical").asLong()).isEqualTo(1);
    assertThat(cached.at("/latest_anomaly/machine_name").asText()).isEqualTo("HVAC-Main");

    cache.changed(MORNING, MORNING.plusSeconds(1800));
    JsonNode fresh = summary();
    assertThat(fresh.at("/energy/total_kwh_today").asDouble()).isEqualTo(20.0);
    assertThat(fresh.at("/top_consumer/machine_name").asText()).isEqualTo("Compressor-1");
    // 40 kW is the compressor's new peak today: 1.25 + 400 and 301.
    assertThat(fresh.at("/costs/total_usd_today").asDouble()).isEqualTo(702.0);
  }
}
