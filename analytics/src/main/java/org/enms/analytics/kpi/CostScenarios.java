package org.enms.analytics.kpi;

/**
 * What a period's energy would cost under a hypothetical tariff, the original's {@code
 * /kpi/energy-cost} calculator: a flat rate, a peak/off-peak split, or a flat rate plus a demand
 * charge. Unlike the billed cost ({@link MachineKpis}), nothing here is stored.
 */
public final class CostScenarios {
  /** The original's flat rate for comparisons, per kWh. */
  public static final double STANDARD_RATE = 0.15;

  private CostScenarios() {}

  public record Standard(double energyKwh, double ratePerKwh, double cost) {}

  /**
   * @param peakPercent share of the energy used in peak hours, %
   * @param savings standard cost minus this one (positive: time of use is cheaper)
   */
  public record TimeOfUse(
      double energyKwh,
      double peakKwh,
      double peakRate,
      double peakCost,
      double peakPercent,
      double offpeakKwh,
      double offpeakRate,
      double offpeakCost,
      double offpeakPercent,
      double cost,
      double standardCost,
      double savings,
      double savingsPercent) {}

  /**
   * @param difference this cost minus the standard one (positive: demand billing costs more)
   */
  public record DemandCharge(
      double energyKwh,
      double energyRate,
      double energyCharge,
      double peakDemandKw,
      double demandRatePerKw,
      double demandCost,
      double cost,
      double standardCost,
      double difference) {}

  public static Standard standard(double energyKwh) {
    return new Standard(energyKwh, STANDARD_RATE, energyKwh * STANDARD_RATE);
  }

  /**
   * @param kwhByLocalHour energy per local hour of day (24 entries)
   * @param peakStart first peak hour; {@code peakEnd} is the first off-peak one after it (a window
   *     that wraps midnight is allowed)
   */
  public static TimeOfUse timeOfUse(
      double[] kwhByLocalHour, int peakStart, int peakEnd, double peakRate, double offpeakRate) {
    if (kwhByLocalHour.length != 24) {
      throw new IllegalArgumentException("24 hours expected, got " + kwhByLocalHour.length);
    }
    double peak = 0;
    double offpeak = 0;
    for (int hour = 0; hour < 24; hour++) {
      if (TariffVersion.inWindow(peakStart, peakEnd, hour)) {
        peak += kwhByLocalHour[hour];
      } else {
        offpeak += kwhByLocalHour[hour];
      }
    }
    double total = peak + offpeak;
    double cost = peak * peakRate + offpeak * offpeakRate;
    double standard = total * STANDARD_RATE;
    double savings = standard - cost;
    return new TimeOfUse(
        total,
        peak,
        peakRate,
        peak * peakRate,
        percent(peak, total),
        offpeak,
        offpeakRate,
        offpeak * offpeakRate,
        percent(offpeak, total),
        cost,
        standard,
        savings,
        percent(savings, standard));
  }

  /**
   * @param peakDemandKw the highest 15-minute average power of the period, kW
   */
  public static DemandCharge demandCharge(
      double energyKwh, double peakDemandKw, double demandRatePerKw) {
    double energyCharge = energyKwh * STANDARD_RATE;
    double demandCost = peakDemandKw * demandRatePerKw;
    double cost = energyCharge + demandCost;
    return new DemandCharge(
        energyKwh,
        STANDARD_RATE,
        energyCharge,
        peakDemandKw,
        demandRatePerKw,
        demandCost,
        cost,
        energyCharge,
        cost - energyCharge);
  }

  private static double percent(double part, double whole) {
    return whole > 0 ? part / whole * 100 : 0;
  }
}
