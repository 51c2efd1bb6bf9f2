package org.enms.analytics.enpi;

/**
 * The original's verdicts on a deviation from the baseline, in percent ((actual − expected) /
 * expected · 100). Kept with its thresholds: clients and dashboards read these words.
 */
public final class IsoStatus {
  private IsoStatus() {}

  /** {@code seu_energy_performance.compliance_status}: |dev| ≤ 3 compliant, ≤ 5 warning. */
  public static String compliance(double deviationPercent) {
    double d = Math.abs(deviationPercent);
    if (d <= 3) {
      return "compliant";
    }
    return d <= 5 ? "warning" : "critical";
  }

  /** The EnPI tracker's {@code iso_status}: below −5 excellent, ≤ 5 on track, ≤ 15 attention. */
  public static String tracker(double deviationPercent) {
    if (deviationPercent < -5) {
      return "excellent";
    }
    if (deviationPercent <= 5) {
      return "on_track";
    }
    return deviationPercent <= 15 ? "requires_attention" : "critical";
  }

  /** The performance engine's {@code iso50001_status} (same bands, its own words). */
  public static String engine(double deviationPercent) {
    if (deviationPercent < -5) {
      return "excellent";
    }
    if (deviationPercent <= 5) {
      return "on_target";
    }
    return deviationPercent <= 15 ? "requires_attention" : "non_compliant";
  }

  /** The performance engine's {@code efficiency_score}: 1.0 within 5 %, 0.8, 0.6, else 0.4. */
  public static double efficiencyScore(double deviationPercent) {
    double d = Math.abs(deviationPercent);
    if (d <= 5) {
      return 1.0;
    }
    if (d <= 15) {
      return 0.8;
    }
    return d <= 30 ? 0.6 : 0.4;
  }
}
