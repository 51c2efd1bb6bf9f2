package org.enms.http.plant;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.enms.db.kpi.PlantDao.MachineTotals;
import org.enms.db.kpi.PlantDao.TodayAndMonth;
import org.enms.http.support.JsonSupport;

/**
 * What {@code /factory/summary} shows of the priced intervals, small enough to cache: a factory's
 * per-machine totals reduced to the figures the summary prints (the top consumer among them).
 *
 * @param kwh electricity today
 * @param avgKw the machines' mean 15-minute demands today, added up
 * @param usdToday today's cost in USD
 * @param byCurrency today's cost per currency
 * @param usdMonth the month's cost so far in USD
 * @param monthStart the month's first instant
 * @param top today's largest consumer, or null
 */
record PricedToday(
    double kwh,
    double avgKw,
    double usdToday,
    Map<String, Double> byCurrency,
    double usdMonth,
    Instant monthStart,
    FactorySummaryResponse.TopConsumer top) {

  static PricedToday of(TodayAndMonth totals, Instant monthStart) {
    List<MachineTotals> today = totals.today();
    double kwh = today.stream().mapToDouble(MachineTotals::kwh).sum();
    MachineTotals first = today.isEmpty() ? null : today.get(0);
    return new PricedToday(
        kwh,
        today.stream().mapToDouble(FactoryViews::meanKw).sum(),
        Money.usd(today),
        Money.byCurrency(today),
        Money.usd(totals.month()),
        monthStart,
        first == null
            ? null
            : new FactorySummaryResponse.TopConsumer(
                first.machineId(),
                first.machineName(),
                first.machineType(),
                FactoryViews.round2(first.kwh()),
                kwh > 0 ? JsonSupport.round(first.kwh() / kwh * 100, 1) : 0));
  }
}
