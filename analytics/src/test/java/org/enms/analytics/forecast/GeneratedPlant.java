package org.enms.analytics.forecast;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * A plant's electricity per step where the truth is known: 50 kW on weekday shifts (06–22 UTC), 20
 * kW at night, 8 kW at weekends, ±10 % noise (seeded), a holiday (weekend level on a weekday) every
 * five weeks, and a lasting 15 % rise after week 8. Energy per step, kWh.
 */
final class GeneratedPlant {
  /** A Monday. */
  static final Instant START = Instant.parse("2025-01-06T00:00:00Z");

  private GeneratedPlant() {}

  static double usualKw(Instant t) {
    var utc = t.atZone(ZoneOffset.UTC);
    if (utc.getDayOfWeek().getValue() >= 6) {
      return 8;
    }
    return utc.getHour() >= 6 && utc.getHour() < 22 ? 50 : 20;
  }

  static RegularSeries series(Duration step, int weeks, long seed) {
    Random random = new Random(seed);
    int perDay = (int) (86_400 / step.getSeconds());
    double hours = step.getSeconds() / 3600.0;
    double[] values = new double[weeks * 7 * perDay];
    for (int i = 0; i < values.length; i++) {
      Instant t = START.plus(step.multipliedBy(i));
      int day = i / perDay;
      boolean holiday = day % 35 == 23;
      double kw = holiday ? 8 : usualKw(t);
      double rise = day >= 56 ? 1.15 : 1.0;
      values[i] = kw * rise * (1 + 0.1 * random.nextGaussian()) * hours;
    }
    return new RegularSeries(START, step, values);
  }
}
