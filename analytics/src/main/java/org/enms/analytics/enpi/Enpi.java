package org.enms.analytics.enpi;

/**
 * An energy performance indicator of a period as a ratio to the baseline (ISO 50006): actual energy
 * over the energy the baseline expects for the same conditions. Below 1 is an improvement.
 *
 * @param actualKwh energy used in the period
 * @param expectedKwh energy the baseline expects for the period's relevant variables
 */
public record Enpi(double actualKwh, double expectedKwh) {

  /** actual / expected; NaN when nothing was expected. */
  public double ratio() {
    return expectedKwh > 0 ? actualKwh / expectedKwh : Double.NaN;
  }

  /** actual − expected: positive is energy used above the baseline. */
  public double deviationKwh() {
    return actualKwh - expectedKwh;
  }

  /** (actual − expected) / expected · 100; NaN when nothing was expected. */
  public double deviationPercent() {
    return expectedKwh > 0 ? deviationKwh() / expectedKwh * 100 : Double.NaN;
  }

  /** expected − actual: energy saved against the baseline. */
  public double savingsKwh() {
    return expectedKwh - actualKwh;
  }

  /** (1 − EnPI) · 100: the share of the expected energy saved. */
  public double improvementPercent() {
    return expectedKwh > 0 ? savingsKwh() / expectedKwh * 100 : Double.NaN;
  }

  public Enpi plus(Enpi other) {
    return new Enpi(actualKwh + other.actualKwh, expectedKwh + other.expectedKwh);
  }

  public static final Enpi ZERO = new Enpi(0, 0);
}
