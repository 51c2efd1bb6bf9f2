package org.enms.analytics.detect;

import java.time.Instant;

/** A change the live detector established: an anomaly raised, escalated or resolved. */
public sealed interface Finding {

  AnomalyKind kind();

  /** When the condition started; with kind and method it identifies the anomaly. */
  Instant onset();

  /**
   * An anomaly that held long enough to be raised.
   *
   * @param actual the value that showed it (kW for power, seconds for silence)
   * @param expected what was expected instead, same unit
   * @param deviationPercent (actual − expected) / expected · 100
   * @param z the standardised residual (for rules: 0)
   * @param method {@code baseline_residual}, {@code robust_profile}, {@code cusum} or {@code rule}
   * @param explanation the reason in words
   */
  record Raised(
      AnomalyKind kind,
      Instant onset,
      Instant at,
      Severity severity,
      String metricName,
      double actual,
      double expected,
      double deviationPercent,
      double z,
      String method,
      String explanation)
      implements Finding {}

  /**
   * A raised anomaly that grew worse: it is now {@code update.severity()}, was {@code previous}.
   * Same anomaly (kind, onset, method) as when raised; {@code update} holds the values that made it
   * worse, at {@code update.at()}. Severity only ever rises while an anomaly is open.
   */
  record Escalated(Raised update, Severity previous) implements Finding {
    @Override
    public AnomalyKind kind() {
      return update.kind();
    }

    @Override
    public Instant onset() {
      return update.onset();
    }
  }

  /** A raised anomaly that is normal again (from {@code at}); {@code method} as when raised. */
  record Resolved(AnomalyKind kind, Instant onset, Instant at, String method, String explanation)
      implements Finding {}
}
