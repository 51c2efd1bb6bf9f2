package org.enms.analytics.forecast;

import java.util.Arrays;
import java.util.List;

/**
 * EnMS's forecast: a {@link SeasonalProfile}, with the kind of day and the persistence of the
 * current deviation chosen per series and per request. Each candidate is run over the last {@value
 * Calibration#DAYS} days at the same time of day and horizon ({@link Calibration}); the one with
 * the smallest mean absolute error (recent days weighing more) forecasts, and its runs calibrate
 * the intervals. So a plant with a distinct Monday gets weekday profiles, a 24/7 process a daily
 * one, and a short horizon leans on the present while a day-ahead one leans on the profile.
 */
final class ProfileForecaster implements Forecaster {
  /** Persistence candidates per step (0: the plain profile). */
  static final double[] PERSISTENCE = {0, 0.5, 0.8, 0.9, 0.97};

  /**
   * Half-life of a run's weight in the choice of candidate, days: recent days count more, so the
   * choice follows a plant that changed.
   */
  static final double SELECTION_HALF_LIFE_DAYS = 14;

  static final ProfileForecaster INSTANCE = new ProfileForecaster();

  /**
   * The kinds of day, each with many days per slot (robust: about a week or more of evidence) and
   * with few (quick to follow a plant whose schedule or season has just changed); {@code WEEKDAY}
   * with one day is the seasonal-naive forecast.
   */
  private static final List<SeasonalProfile> PROFILES =
      List.of(
          new SeasonalProfile(DayType.WORKWEEK, 5, 0),
          new SeasonalProfile(DayType.WEEKDAY, 4, 0),
          new SeasonalProfile(DayType.EVERY_DAY, 7, 0),
          new SeasonalProfile(DayType.WORKWEEK, 2, 0),
          new SeasonalProfile(DayType.WEEKDAY, 1, 0),
          new SeasonalProfile(DayType.EVERY_DAY, 2, 0));

  private ProfileForecaster() {}

  @Override
  public String name() {
    return "seasonal profile";
  }

  @Override
  public Forecast forecast(RegularSeries history, int origin, int horizon) {
    int[] origins = Calibration.origins(history, origin);
    double[][] actuals = new double[origins.length][];
    for (int d = 0; d < origins.length; d++) {
      if (origins[d] >= 0) {
        actuals[d] = Calibration.actual(history, origins[d], horizon, origin);
      }
    }
    SeasonalProfile best = PROFILES.get(0);
    Run[] bestRuns = new Run[origins.length];
    double bestError = Double.POSITIVE_INFINITY;
    for (SeasonalProfile profile : PROFILES) {
      // The plain profile of each run once; the persistence candidates only add to it.
      double[][] points = new double[origins.length][];
      double[] deviations = new double[origins.length];
      for (int d = 0; d < origins.length; d++) {
        if (origins[d] >= 0) {
          points[d] = new double[horizon];
          deviations[d] = profile.profile(history, origins[d], points[d]);
        }
      }
      for (double persistence : PERSISTENCE) {
        Run[] runs = new Run[origins.length];
        for (int d = 0; d < origins.length; d++) {
          if (points[d] != null) {
            double[] point = points[d].clone();
            SeasonalProfile.carry(point, deviations[d], persistence);
            runs[d] = new Run(point, actuals[d]);
          }
        }
        double error = Calibration.meanAbsoluteError(runs, SELECTION_HALF_LIFE_DAYS);
        if (error < bestError) {
          best = profile.withPersistence(persistence);
          bestRuns = runs;
          bestError = error;
        }
      }
    }
    double[] point = new double[horizon];
    best.forecast(history, origin, point);
    String method =
        Arrays.stream(bestRuns).allMatch(r -> r == null)
            ? best.description() + " (no earlier day to calibrate on yet)"
            : best.description();
    return new Forecast(
        method, history.time(origin), history.step(), point, bestRuns, history.nonNegative());
  }
}
