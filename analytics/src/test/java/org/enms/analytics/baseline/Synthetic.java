package org.enms.analytics.baseline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * Hourly history where the answer is known: energy = 20 kWh + 0.01 kWh/unit · production + 1.5
 * kWh/K·h · heating degree hours + 2 kWh/K·h · cooling degree hours + noise. The noise alternates
 * ±{@code noise} kWh, so every standardised residual of a fitted model is close to ±1 and nothing
 * crosses 2 σ by chance.
 */
final class Synthetic {
  static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
  static final double INTERCEPT = 20;
  static final double PER_UNIT = 0.01;
  static final double PER_HDH = 1.5;
  static final double PER_CDH = 2.0;

  private Synthetic() {}

  static double production(int i) {
    return 1000 + 600 * Math.sin(i * 0.7) + 300 * Math.cos(i * 0.13);
  }

  static double outdoor(int i) {
    return 17 + 9 * Math.sin(i * 2 * Math.PI / 24 + 0.4) + 3 * Math.sin(i * 0.05);
  }

  static double expected(int i) {
    double t = outdoor(i);
    return INTERCEPT
        + PER_UNIT * production(i)
        + PER_HDH * Math.max(0, 18 - t)
        + PER_CDH * Math.max(0, t - 18);
  }

  static Instant hour(int i) {
    return START.plus(Duration.ofHours(i));
  }

  /** {@code hours} samples from index {@code from}, with {@code extra(i)} kWh added to hour i. */
  static List<HourlySample> history(int from, int hours, double noise, IntToDoubleFunction extra) {
    List<HourlySample> samples = new ArrayList<>();
    for (int i = from; i < from + hours; i++) {
      Map<String, Double> columns = new HashMap<>();
      columns.put(Features.PRODUCTION, production(i));
      columns.put(Features.OUTDOOR_TEMP, outdoor(i));
      double kwh = expected(i) + (i % 2 == 0 ? noise : -noise) + extra.applyAsDouble(i);
      samples.add(new HourlySample(hour(i), kwh, columns));
    }
    return samples;
  }

  static List<HourlySample> history(int hours, double noise) {
    return history(0, hours, noise, i -> 0);
  }
}
