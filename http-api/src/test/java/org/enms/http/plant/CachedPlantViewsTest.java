package org.enms.http.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.enms.core.json.Json;
import org.enms.db.BlockingIo;
import org.enms.db.testing.PostgresExtension;
import org.enms.http.RouteHarness;
import org.enms.http.cache.CacheSettings;
import org.enms.http.cache.ReadCache;
import org.enms.http.kpi.KpiSampleData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /stats/system} and {@code /analytics/top-consumers} over the in-process read cache and a
 * real PostgreSQL: a cached answer stays until the data it read is stamped as changed, then the
 * next answer holds the new data. {@link KpiSampleData} with "now" at 20 June 2025, 18:00 UTC.
 */
class CachedPlantViewsTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static final Instant TODAY = Instant.parse("2025-06-20T00:00:00Z");
  private static final Instant NOW = Instant.parse("2025-06-20T18:00:00Z");

  private static ExecutorService executor;
  private static ReadCache cache;
  private static RouteHarness api;

  @BeforeAll
  static void start() throws Exception {
    KpiSampleData.load(pg.database());
    executor = Executors.newFixedThreadPool(2);
    cache = ReadCache.of(CacheSettings.fromConfig(ConfigFactory.load()), Optional.empty());
    api =
        PlantApi.start(
            pg.database(), new BlockingIo(executor), Clock.fixed(NOW, ZoneOffset.UTC), cache);
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

  private static JsonNode get(String path) throws Exception {
    HttpResponse<String> r = api.get("/api/v1" + path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.mapper().readTree(r.body());
  }

  @Test
  void systemStatsAreCachedUntilTheirDaysAreStampedAndCountAnomaliesFresh() throws Exception {
    JsonNode first = get("/stats/system");
    double before = first.get("total_energy").asDouble();
    long anomalies = first.get("total_anomalies").asLong();

    // An earlier day and today, rolled up but not stamped: still the cached figures.
    Instant earlier = Instant.parse("2025-06-10T09:00:00Z");
    Instant morning = TODAY.plusSeconds(3600);
    write(KpiSampleData.HVAC, earlier, 60);
    write(KpiSampleData.HVAC, morning, 40);
    pg.database()
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO anomalies (machine_id, detected_at, anomaly_type, severity)"
                        + " VALUES (?, ?, 'spike', 'critical')",
                    KpiSampleData.HVAC,
                    NOW.minusSeconds(60).atOffset(ZoneOffset.UTC)));
    JsonNode cached = get("/stats/system");
    assertThat(cached.get("total_energy").asDouble()).isEqualTo(before);
    assertThat(cached.get("total_anomalies").asLong()).isEqualTo(anomalies + 1);

    // Today stamped: its 10 kWh (40 kW for a quarter hour) count, also in the last day's
    // (per hour, rounded to 0.01).
    double lastDay = cached.get("energy_per_hour").asDouble() * 24;
    cache.changed(morning, morning.plusSeconds(900));
    JsonNode today = get("/stats/system");
    assertThat(today.get("total_energy").asDouble()).isCloseTo(before + 10, within(0.01));
    assertThat(today.get("energy_per_hour").asDouble() * 24).isCloseTo(lastDay + 10, within(0.25));

    // The earlier day stamped: its 15 kWh too.
    cache.changed(earlier, earlier.plusSeconds(900));
    assertThat(get("/stats/system").get("total_energy").asDouble())
        .isCloseTo(before + 25, within(0.01));
  }

  @Test
  void topConsumersOfTodayAreCachedUntilTodayIsStamped() throws Exception {
    String today =
        "/analytics/top-consumers?metric=energy&limit=5&start_time=2025-06-20T00:00:00Z"
            + "&end_time=2025-06-20T17:59:";
    JsonNode first = get(today + "30Z");
    double total = first.get("total_value").asDouble();

    Instant morning = Instant.parse("2025-06-20T06:00:00Z");
    write(KpiSampleData.COMPRESSOR, morning, 80);
    // A later end within the same quarter hour is the same key: still the cached answer.
    JsonNode cached = get(today + "45Z");
    assertThat(cached.get("total_value").asDouble()).isEqualTo(total);
    assertThat(cached.at("/time_period/end").asText()).startsWith("2025-06-20T17:59:45");

    cache.changed(morning, morning.plusSeconds(900));
    JsonNode fresh = get(today + "50Z");
    assertThat(fresh.get("total_value").asDouble()).isCloseTo(total + 20, within(0.01));
    assertThat(fresh.at("/ranking/0/machine_name").asText()).isEqualTo("Compressor-1");
  }
}
