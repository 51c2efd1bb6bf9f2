package org.enms.analytics.forecast;

import java.time.Instant;

/**
 * What a forecast of average power says about a window of its steps (tomorrow, the next 24 hours):
 * the energy with its interval, the mean and the peak demand, and how far off such windows were in
 * the calibration runs.
 *
 * @param energyKwh forecast energy over the window, with its interval
 * @param averageKw mean forecast demand
 * @param peakKw highest forecast demand of a step
 * @param peakTime start of that step
 * @param confidence 1 − the runs' weighted absolute percentage error of the window's energy,
 *     between 0 and 1; 0 when no run knows a whole window
 */
public record Window(
    Total energyKwh,
    double averageKw,
    double peakKw,
    Instant peakTime,
    int peakStep,
    double confidence) {

  /**
   * @param forecast average power per step, kW
   * @param from first step of the window
   * @param to end of the window, exclusive
   * @param level nominal coverage of the energy interval
   */
  public static Window of(Forecast forecast, int from, int to, double level) {
    if (from < 0 || to > forecast.steps() || to <= from) {
      throw new IllegalArgumentException("window [" + from + ", " + to + ") outside the forecast");
    }
    double hours = forecast.step().getSeconds() / 3600.0;
    Total kw = forecast.total(from, to, level);
    Total kwh = new Total(kw.point() * hours, kw.lower() * hours, kw.upper() * hours, level);
    int peak = from;
    for (int h = from; h < to; h++) {
      if (forecast.point(h) > forecast.point(peak)) {
        peak = h;
      }
    }
    double error = forecast.totalError(from, to);
    double confidence = Double.isNaN(error) ? 0 : Math.max(0, Math.min(1, 1 - error));
    return new Window(
        kwh, kw.point() / (to - from), forecast.point(peak), forecast.time(peak), peak, confidence);
  }
}
