package org.enms.http.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.enms.analytics.forecast.TimeOfUse;
import org.enms.db.BlockingIo;
import org.enms.db.MachineDao;
import org.enms.db.TimeseriesDao;
import org.enms.db.testing.PostgresExtension;
import org.enms.http.cache.CacheSettings;
import org.enms.http.cache.ReadCache;
import org.enms.http.kpi.TariffPricing;
import org.enms.http.machines.DbMachineDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Forecasts through the in-process read cache over a real PostgreSQL: HVAC-Main's roll-ups hold
 * five weeks at a flat 20 kW; once they are rolled up again at 40 kW, the cached forecast stays
 * until the change is stamped, then the next one is made from the new roll-ups.
 */
class CachedForecastsTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static final Instant NOW = Instant.parse("2026-03-04T10:20:00Z");
  private static final Instant FIRST =
      NOW.minus(Duration.ofDays(35)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
  private static final UUID HVAC = UUID.fromString("c0000000-0000-0000-0000-000000000002");

  private static ExecutorService executor;
  private static ReadCache cache;
  private static Forecasts forecasts;

  @BeforeAll
  static void start() {
    flat(20);
    executor = Executors.newFixedThreadPool(2);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    BlockingIo io = new BlockingIo(executor);
    cache = ReadCache.of(CacheSettings.fromConfig(ConfigFactory.load()), Optional.empty());
    forecasts =
        new CachedForecasts(
            new DbForecasts(
                new DbMachineDirectory(new MachineDao(pg.database()), io),
                new TimeseriesDao(pg.database(), clock, Duration.ZERO),
                io,
                clock,
                new ForecastSettings(91, 0.95, TimeOfUse.ORIGINAL),
                new TariffPricing(pg.database())),
            cache,
            clock,
            91);
  }

  @AfterAll
  static void stop() {
    executor.shutdown();
  }

  /** HVAC-Main's hourly and quarter-hourly roll-ups from {@code FIRST} to now at {@code kw}. */
  private static void flat(double kw) {
    for (String table : new String[] {"energy_readings_1hour", "energy_readings_15min"}) {
      String step = table.endsWith("1hour") ? "1 hour" : "15 minutes";
      pg.database()
          .jdbi()
          .useHandle(
              h ->
                  h.createUpdate(
                          "INSERT INTO "
                              + table
                              + " (bucket, machine_id, energy_type, avg_power_kw,"
                              + " total_energy_kwh, reading_count)"
                              + " SELECT t, :m, 'electricity', :kw,"
                              + " :kw * extract(epoch FROM interval '"
                              + step
                              + "') / 3600, 60"
                              + " FROM generate_series(:from, :to, interval '"
                              + step
                              + "') t"
                              + " ON CONFLICT (machine_id, energy_type, bucket)"
                              + " DO UPDATE SET avg_power_kw = EXCLUDED.avg_power_kw,"
                              + " total_energy_kwh = EXCLUDED.total_energy_kwh")
                      .bind("m", HVAC)
                      .bind("kw", kw)
                      .bind("from", FIRST.atOffset(ZoneOffset.UTC))
                      .bind("to", NOW.atOffset(ZoneOffset.UTC))
                      .execute());
    }
  }

  private static double tomorrowKwh() throws Exception {
    var t = forecasts.tomorrow(Optional.of(HVAC), Optional.empty()).toCompletableFuture().get();
    return ((MachineTomorrow) t).predictedEnergyKwh();
  }

  private static double nextQuarterKw() throws Exception {
    return forecasts
        .demand(HVAC, Horizon.SHORT, 4)
        .toCompletableFuture()
        .get()
        .predictions()
        .get(0);
  }

  @Test
  void aCachedForecastIsMadeAgainOnceItsHistoryIsStampedAsChanged() throws Exception {
    assertThat(tomorrowKwh()).isCloseTo(480, within(5.0));
    assertThat(nextQuarterKw()).isCloseTo(20, within(0.5));

    flat(40);
    assertThat(tomorrowKwh()).as("not stamped yet").isCloseTo(480, within(5.0));
    assertThat(nextQuarterKw()).as("not stamped yet").isCloseTo(20, within(0.5));

    cache.changed(FIRST, NOW);
    assertThat(tomorrowKwh()).isCloseTo(960, within(10.0));
    assertThat(nextQuarterKw()).isCloseTo(40, within(1.0));
  }
}
