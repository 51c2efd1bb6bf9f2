package org.enms.simulator.physics;

import java.util.random.RandomGenerator;

/** Measurement noise and rounding shared by every machine model. */
public final class Noise {
  private Noise() {}

  /**
   * {@code value} plus Gaussian noise whose standard deviation is {@code percent} % of the value,
   * never below zero (a meter does not read negative power).
   */
  public static double add(double value, double percent, RandomGenerator random) {
    return Math.max(0.0, value + random.nextGaussian() * value * percent / 100.0);
  }

  /** {@code value ± spread}, uniformly. */
  public static double around(double value, double spread, RandomGenerator random) {
    return value + random.nextDouble(-spread, spread);
  }

  public static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  public static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }
}
