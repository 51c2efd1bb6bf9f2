package org.enms.machine.event;

import java.time.Instant;
import java.util.UUID;

/**
 * An anomaly was detected and recorded (row {@code anomalyId} in {@code anomalies}).
 *
 * @param severity info, warning or critical
 * @param metricName what was measured, e.g. power_kw
 * @param actual the measured value
 * @param expected what the baseline or the machine's usual profile expected
 * @param deviationPercent (actual − expected) / expected, in percent
 * @param method how it was found, e.g. baseline_residual, robust_profile, cusum, rule
 * @param explanation the reason in words, for people and the voice assistant
 */
public record AnomalyDetected(
    UUID anomalyId,
    UUID machineId,
    UUID factoryId,
    Instant time,
    String anomalyType,
    String severity,
    String metricName,
    double actual,
    double expected,
    double deviationPercent,
    String method,
    String explanation)
    implements MachineEvent {
  @Override
  public String type() {
    return "anomaly.detected";
  }
}
