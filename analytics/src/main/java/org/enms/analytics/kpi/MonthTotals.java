package org.enms.analytics.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A meter's priced intervals of one billing month, summed: what the KPIs are computed from. The
 * database computes the same sums over the stored intervals; {@link #of} does it in memory.
 *
 * @param month first day of the local billing month
 * @param intervals how many 15-minute intervals had readings
 * @param demandKwSum the intervals' average powers added up, kW (for the mean demand)
 * @param peakDemandKw the highest 15-minute average power, kW
 * @param peakAt start of the interval where it occurred (the first one on a tie)
 * @param demandRateAtPeak the demand charge in force in that interval, per kW, or null
 */
public record MonthTotals(
    LocalDate month,
    double energyKwh,
    double energyCost,
    double co2Kg,
    long intervals,
    double demandKwSum,
    double peakDemandKw,
    Instant peakAt,
    Double demandRateAtPeak) {

  /** The month's demand charge: its peak demand at the rate in force then. */
  public double demandCharge() {
    return demandRateAtPeak == null ? 0 : peakDemandKw * demandRateAtPeak;
  }

  /** Sums intervals per billing month, months in order. */
  public static List<MonthTotals> of(Collection<PricedInterval> intervals) {
    Map<LocalDate, MonthTotals> months = new TreeMap<>();
    for (PricedInterval i : intervals) {
      months.merge(i.billingMonth(), single(i), MonthTotals::plus);
    }
    return List.copyOf(months.values());
  }

  private static MonthTotals single(PricedInterval i) {
    return new MonthTotals(
        i.billingMonth(),
        i.energyKwh(),
        i.energyCost(),
        i.co2Kg(),
        1,
        i.demandKw(),
        i.demandKw(),
        i.bucket(),
        i.demandRatePerKw());
  }

  private MonthTotals plus(MonthTotals o) {
    boolean otherPeak =
        o.peakDemandKw > peakDemandKw
            || (o.peakDemandKw == peakDemandKw && o.peakAt.isBefore(peakAt));
    return new MonthTotals(
        month,
        energyKwh + o.energyKwh,
        energyCost + o.energyCost,
        co2Kg + o.co2Kg,
        intervals + o.intervals,
        demandKwSum + o.demandKwSum,
        otherPeak ? o.peakDemandKw : peakDemandKw,
        otherPeak ? o.peakAt : peakAt,
        otherPeak ? o.demandRateAtPeak : demandRateAtPeak);
  }
}
