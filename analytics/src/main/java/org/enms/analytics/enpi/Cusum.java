package org.enms.analytics.enpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The energy-management CUSUM of an SEU: the running sum of (actual − expected) against its
 * baseline, day by day. Flat is on baseline, rising is waste, falling is saving; its negative is
 * the cumulative saving.
 */
public final class Cusum {
  private Cusum() {}

  /** One day: its own figures and the running sums up to and including it. */
  public record Point(
      LocalDate day, double actualKwh, double expectedKwh, double cusumKwh, double savingsKwh) {}

  /** The days in order, each with the running sums from the first. */
  public static List<Point> of(List<Day> days) {
    List<Point> points = new ArrayList<>(days.size());
    double cusum = 0;
    for (Day d : days) {
      cusum += d.actualKwh() - d.expectedKwh();
      points.add(new Point(d.day(), d.actualKwh(), d.expectedKwh(), cusum, -cusum));
    }
    return points;
  }

  /** A day's actual and expected energy. */
  public record Day(LocalDate day, double actualKwh, double expectedKwh) {}

  /** Each day of {@code samples} against {@code baseline}, in order. */
  public static List<Day> days(List<DailySample> samples, SeuBaseline baseline) {
    return samples.stream()
        .sorted(java.util.Comparator.comparing(DailySample::day))
        .map(s -> new Day(s.day(), s.energyKwh(), baseline.expected(s)))
        .toList();
  }

  /** The period's EnPI: the sums of the days. */
  public static Enpi total(List<Day> days) {
    double actual = 0;
    double expected = 0;
    for (Day d : days) {
      actual += d.actualKwh();
      expected += d.expectedKwh();
    }
    return new Enpi(actual, expected);
  }
}
