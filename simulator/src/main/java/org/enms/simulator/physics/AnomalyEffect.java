package org.enms.simulator.physics;

/**
 * How an injected anomaly changes a machine's power draw. {@code severity} is the 1.0–5.0 factor
 * given at injection.
 */
public enum AnomalyEffect {
  /** Power × severity for the whole duration. */
  SPIKE,
  /** Power ÷ severity for the whole duration (severity 5 leaves a fifth of normal draw). */
  DROP,
  /** Power ramps linearly from ×1 at the start to ×severity at the end. */
  DRIFT;

  /**
   * Power multiplier at {@code progress} (0 at the start, 1 at the end) of the anomaly.
   *
   * @param severity 1.0–5.0
   */
  public double factor(double severity, double progress) {
    return switch (this) {
      case SPIKE -> severity;
      case DROP -> 1.0 / severity;
      case DRIFT -> 1.0 + (severity - 1.0) * Noise.clamp(progress, 0.0, 1.0);
    };
  }
}
