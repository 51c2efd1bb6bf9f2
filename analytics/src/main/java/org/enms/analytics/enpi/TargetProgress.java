package org.enms.analytics.enpi;

import java.time.LocalDate;

/**
 * Progress towards an energy target: a reduction of {@code reductionPercent} against the baseline.
 * Savings so far are normalised: the energy the baseline expects for the days of the target year
 * that have passed, minus what was used on them (the original compared the whole baseline year's
 * energy with the year to date, so every January looked like a success).
 *
 * @param baselineEnergyKwh energy of the baseline period
 * @param reductionPercent the target, 0–100
 */
public record TargetProgress(double baselineEnergyKwh, double reductionPercent) {

  public double targetSavingsKwh() {
    return baselineEnergyKwh * reductionPercent / 100;
  }

  public double targetEnergyKwh() {
    return baselineEnergyKwh - targetSavingsKwh();
  }

  /** Where the target stands after the days so far ({@code soFar}: the year's EnPI to date). */
  public record State(
      double currentEnergyKwh, double currentSavingsKwh, double progressPercent, String status) {}

  /**
   * @param soFar actual and expected energy of the target year's days so far
   * @param today the day the progress is judged on
   * @param targetYear the year the target is for
   */
  public State state(Enpi soFar, LocalDate today, int targetYear) {
    double savings = soFar.savingsKwh();
    double due = soFar.expectedKwh() * reductionPercent / 100;
    double progress = due > 0 ? savings / due * 100 : 0;
    progress = Math.max(-999.99, Math.min(999.99, progress));
    boolean over = today.getYear() > targetYear;
    String status;
    if (progress >= 100) {
      status = "achieved";
    } else if (over) {
      status = "missed";
    } else if (progress < 50 && today.getYear() == targetYear && today.getMonthValue() > 6) {
      status = "at_risk";
    } else {
      status = "active";
    }
    return new State(soFar.actualKwh(), savings, progress, status);
  }
}
