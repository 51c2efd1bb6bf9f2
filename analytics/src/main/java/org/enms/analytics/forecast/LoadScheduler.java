package org.enms.analytics.forecast;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where in a day an extra load of one hour is best run: in an hour where the machine's forecast
 * demand plus the load stays below the day's peak threshold (its mean demand × 1.2, the
 * original's), at the lowest price, and among equals where the forecast demand is lowest. So the
 * load neither sets a new peak nor runs at the peak rate when it need not.
 */
public final class LoadScheduler {
  /** The threshold over the day's mean demand, as the original set it. */
  public static final double THRESHOLD_FACTOR = 1.2;

  private final TimeOfUse tariff;

  public LoadScheduler(TimeOfUse tariff) {
    this.tariff = tariff;
  }

  /**
   * One candidate hour.
   *
   * @param predictedKw the machine's forecast demand
   * @param totalKw with the load added
   * @param costUsd the load's cost for the hour at this hour's rate
   * @param savingsUsd what running here saves against running at the peak rate
   */
  public record Slot(
      Instant start,
      double predictedKw,
      double totalKw,
      boolean peakHour,
      double costUsd,
      double savingsUsd,
      boolean withinThreshold) {}

  /** The day's threshold and its best hours. */
  public record Advice(double thresholdKw, List<Slot> best) {}

  /**
   * @param hourly forecast average power per hour, kW
   * @param from first hour of the day (or of what is left of it)
   * @param to end of the day, exclusive
   * @param count hours to recommend
   */
  public Advice advise(Forecast hourly, int from, int to, double loadKw, int count) {
    if (!hourly.step().equals(java.time.Duration.ofHours(1))) {
      throw new IllegalArgumentException("the schedule needs an hourly forecast");
    }
    double mean = 0;
    for (int h = from; h < to; h++) {
      mean += hourly.point(h);
    }
    double threshold = THRESHOLD_FACTOR * mean / (to - from);
    List<Slot> slots = new ArrayList<>();
    for (int h = from; h < to; h++) {
      Instant start = hourly.time(h);
      double predicted = hourly.point(h);
      double total = predicted + loadKw;
      double rate = tariff.rate(start);
      slots.add(
          new Slot(
              start,
              predicted,
              total,
              tariff.isPeak(start),
              loadKw * rate,
              loadKw * (tariff.peakRate() - rate),
              total <= threshold));
    }
    slots.sort(
        Comparator.comparing((Slot s) -> !s.withinThreshold())
            .thenComparingDouble(Slot::costUsd)
            .thenComparingDouble(Slot::predictedKw));
    return new Advice(threshold, List.copyOf(slots.subList(0, Math.min(count, slots.size()))));
  }
}
