package org.enms.machine.event;

import java.time.Instant;
import java.util.UUID;

/**
 * An anomaly was detected and recorded (row {@code anomalyId} in {@code anomalies}), or an open one
 * grew worse: then the event comes again with the same {@code anomalyId} and {@code time}, the new
 * {@code severity} and the one it had before in {@code previousSeverity}. Clients that key on the
 * id update it in place; clients that only know the original's {@code anomaly_detected} still see
 * the higher severity. Severity never falls while an anomaly is open; it ends with {@link
 * AnomalyResolved}.
 *
 * @param time when the anomaly started (its onset; unchanged when it escalates)
 * @param severity info, warning or critical
 * @param metricName what was measured, e.g. power_kw
 * @param actual the measured value
 * @param expected what the baseline or the machine's usual profile expected
 * @param deviationPercent (actual − expected) / expected, in percent
 * @param method how it was found, e.g. baseline_residual, robust_profile, cusum, rule
 * @param explanation the reason in words, for people and the voice assistant
 * @param previousSeverity null when first detected; the severity before, when it escalated
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
    String explanation,
    String previousSeverity)
    implements MachineEvent {

  /** A newly detected anomaly (not an escalation). */
  public AnomalyDetected(
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
      String explanation) {
    this(
        anomalyId,
        machineId,
        factoryId,
        time,
        anomalyType,
        severity,
        metricName,
        actual,
        expected,
        deviationPercent,
        method,
        explanation,
        null);
  }

  @Override
  public String type() {
    return "anomaly.detected";
  }
}
