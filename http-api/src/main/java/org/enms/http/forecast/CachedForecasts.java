package org.enms.http.forecast;

import com.fasterxml.jackson.databind.JavaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.enms.core.json.Json;
import org.enms.http.cache.ReadCache;

/**
 * Forecasts from the read cache while none of the roll-ups they read changed. A forecast reads
 * {@code history-days} of a machine's roll-ups and calibrates on them (a few milliseconds of CPU
 * each, a whole plant's for the plant's tomorrow); it only changes when data of that history is
 * rolled up again, or when the period it starts from moves on, which is in its key. The optimal
 * schedule is asked for rarely and computed each time.
 */
public final class CachedForecasts implements Forecasts {
  private static final JavaType MACHINE_TOMORROW =
      Json.mapper().constructType(MachineTomorrow.class);
  private static final JavaType PLANT_TOMORROW = Json.mapper().constructType(PlantTomorrow.class);
  private static final JavaType DEMAND = Json.mapper().constructType(DemandForecast.class);
  private static final JavaType PEAK = Json.mapper().constructType(PeakForecast.class);

  private final Forecasts forecasts;
  private final ReadCache cache;
  private final Clock clock;
  private final Duration history;

  /** {@code historyDays}: what {@code forecasts} reads before now. */
  public CachedForecasts(Forecasts forecasts, ReadCache cache, Clock clock, int historyDays) {
    this.forecasts = forecasts;
    this.cache = cache;
    this.clock = clock;
    // A day more: the history starts at the next period less the history days.
    this.history = Duration.ofDays(historyDays + 1L);
  }

  @Override
  public CompletionStage<TomorrowForecast> tomorrow(
      Optional<UUID> machine, Optional<UUID> factory) {
    Instant hour = periodOf(Horizon.MEDIUM);
    String key =
        "forecast-tomorrow:"
            + machine.map(UUID::toString).orElse("plant")
            + ":"
            + factory.map(UUID::toString).orElse("all")
            + ":"
            + hour;
    return cache.read(
        key,
        hour.minus(history),
        hour.plus(Duration.ofDays(2)),
        machine.isPresent() ? MACHINE_TOMORROW : PLANT_TOMORROW,
        () -> forecasts.tomorrow(machine, factory));
  }

  @Override
  public CompletionStage<DemandForecast> demand(UUID machine, Horizon horizon, int periods) {
    Instant period = periodOf(horizon);
    return cache.read(
        "forecast-demand:" + machine + ":" + horizon.wireName() + ":" + periods + ":" + period,
        period.minus(history),
        period.plus(horizon.step()),
        DEMAND,
        () -> forecasts.demand(machine, horizon, periods));
  }

  @Override
  public CompletionStage<PeakForecast> peak(UUID machine) {
    Instant period = periodOf(Horizon.SHORT);
    return cache.read(
        "forecast-peak:" + machine + ":" + period,
        period.minus(history),
        period.plus(Horizon.SHORT.step()),
        PEAK,
        () -> forecasts.peak(machine));
  }

  @Override
  public CompletionStage<ScheduleAdvice> schedule(UUID machine, LocalDate date, double loadKw) {
    return forecasts.schedule(machine, date, loadKw);
  }

  /** The start of the period in progress at {@code horizon}'s step (where the history ends). */
  private Instant periodOf(Horizon horizon) {
    long step = horizon.step().getSeconds();
    long now = clock.instant().getEpochSecond();
    return Instant.ofEpochSecond(Math.floorDiv(now, step) * step);
  }
}
