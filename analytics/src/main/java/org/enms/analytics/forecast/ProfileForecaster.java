package org.enms.analytics.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * EnMS's forecast: a {@link SeasonalProfile}, with the kind of day and the persistence of the
 * current deviation chosen per series and per request. Each candidate is run over the last
 * {@value Calibration#DAYS} days at the same time of day and horizon ({@link Calibration}); the
 * one with the smallest mean absolute error forecasts, and its runs calibrate the intervals. So a
 * plant with a distinct Monday gets weekday profiles, a 24/7 process a daily one, and a short
 * horizon leans on the present while a day-ahead one leans on the profile.
 */
final class ProfileForecaster implements Forecaster {
  /** Persistence candidates per step (0: the plain profile). */
  static final double[] PERSISTENCE = {0, 0.5, 0.8, 0.9, 0.97};

  static final ProfileForecaster INSTANCE = new ProfileForecaster();

  private final List<SeasonalProfile> candidates = new ArrayList<>();

  private ProfileForecaster() {
    for (double persistence : PERSISTENCE) {
      candidates.add(new SeasonalProfile(DayType.WORKWEEK, 5, persistence));
      candidates.add(new SeasonalProfile(DayType.WEEKDAY, 4, persistence));
      candidates.add(new SeasonalProfile(DayType.EVERY_DAY, 7, persistence));
    }
  }

  @Override
  public String name() {
    return "seasonal profile";
  }

  @Override
  public Forecast forecast(RegularSeries history, int origin, int horizon) {
    SeasonalProfile best = candidates.get(0);
    Run[] bestRuns = null;
    double bestError = Double.POSITIVE_INFINITY;
    for (SeasonalProfile candidate : candidates) {
      Run[] runs = Calibration.runs(candidate, history, origin, horizon);
      double error = Calibration.meanAbsoluteError(runs);
      if (bestRuns == null || error < bestError) {
        best = candidate;
        bestRuns = runs;
        bestError = error;
      }
    }
    double[] point = new double[horizon];
    best.forecast(history, origin, point);
    return new Forecast(
        best.description(),
        history.time(origin),
        history.step(),
        point,
        bestRuns,
        history.nonNegative());
  }
}
