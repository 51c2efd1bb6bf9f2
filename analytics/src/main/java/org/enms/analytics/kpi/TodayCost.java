package org.enms.analytics.kpi;

/**
 * A machine's energy cost so far today: the intervals already priced in the roll-ups, plus the
 * energy the live state has counted since (the last minute or two, not rolled up yet) at the price
 * of the latest priced interval.
 */
public final class TodayCost {
  private TodayCost() {}

  /**
   * @param pricedKwh energy of today's priced intervals, kWh
   * @param pricedCost their cost
   * @param liveKwh today's energy as the live state counts it, kWh
   * @param currentRate price per kWh for energy not priced yet
   */
  public static double of(double pricedKwh, double pricedCost, double liveKwh, double currentRate) {
    return pricedCost + Math.max(0, liveKwh - pricedKwh) * currentRate;
  }
}
