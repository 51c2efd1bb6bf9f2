package org.enms.analytics.baseline;

/**
 * Whether a period holds enough hourly data for a baseline.
 *
 * @param samples complete hours used in the fit
 * @param expectedHours hours in the requested period
 * @param hoursPresentPercent share of the period's hours that had energy data, %
 */
public record DataSufficiency(int samples, long expectedHours, double hoursPresentPercent) {
  /** Fewer complete hours than this refuse training (the original's BASELINE_MIN_SAMPLES). */
  public static final int MIN_SAMPLES = 50;

  /** CalTRACK's hourly data sufficiency: more than 90 % of the hours present. */
  public static final double MIN_HOURS_PRESENT_PERCENT = 90.0;
}
