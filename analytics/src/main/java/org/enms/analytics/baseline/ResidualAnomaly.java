package org.enms.analytics.baseline;

import java.time.Instant;

/**
 * An hour whose energy departs from its baseline.
 *
 * @param hour start of the hour, UTC
 * @param type {@code spike} (more than expected), {@code drop} (less) or {@code drift} (a sustained
 *     shift found by CUSUM)
 * @param severity {@code warning} or {@code critical}
 * @param actualKwh energy used in the hour, kWh
 * @param expectedKwh the baseline's expectation, kWh
 * @param zScore residual divided by the model's residual standard error; for drift, the mean
 *     standardised residual since the shift began times √hours
 * @param confidence two-sided normal coverage of |zScore|, 0–1
 * @param method {@link ResidualAnomalyDetector#METHOD_RESIDUAL} or {@link
 *     ResidualAnomalyDetector#METHOD_CUSUM}
 */
public record ResidualAnomaly(
    Instant hour,
    String type,
    String severity,
    double actualKwh,
    double expectedKwh,
    double zScore,
    double confidence,
    String method) {
  /** Deviation from the expectation, % of it; null when nothing was expected. */
  public Double deviationPercent() {
    return expectedKwh == 0 ? null : (actualKwh - expectedKwh) / Math.abs(expectedKwh) * 100;
  }
}
