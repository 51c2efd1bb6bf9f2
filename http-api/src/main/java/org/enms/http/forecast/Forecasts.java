package org.enms.http.forecast;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Forecasts from the roll-ups. Failures are {@link org.enms.http.error.ApiException}s: 404 for an
 * unknown machine or one without any reading yet, 422 for a date that cannot be scheduled.
 */
public interface Forecasts {
  /** Tomorrow of one machine, or of every active machine (of one factory, when given). */
  CompletionStage<TomorrowForecast> tomorrow(Optional<UUID> machine, Optional<UUID> factory);

  CompletionStage<DemandForecast> demand(UUID machine, Horizon horizon, int periods);

  CompletionStage<PeakForecast> peak(UUID machine);

  CompletionStage<ScheduleAdvice> schedule(UUID machine, LocalDate date, double loadKw);
}
