package org.enms.http.plant;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.enms.db.kpi.PlantDao.MachineTotals;
import org.enms.http.support.JsonSupport;

/**
 * Costs of several machines summed per billing currency: a factory bills in its tariffs' currency,
 * so a plant of two factories can hold USD and EUR, which are never added together. The original's
 * {@code *_usd} fields carry the USD sum.
 */
final class Money {
  static final String USD = "USD";

  private Money() {}

  static Map<String, Double> byCurrency(List<MachineTotals> totals) {
    Map<String, Double> sums = new TreeMap<>();
    for (MachineTotals t : totals) {
      sums.merge(t.currency(), t.cost(), Double::sum);
    }
    sums.replaceAll((currency, sum) -> JsonSupport.round(sum, 2));
    return sums;
  }

  static double usd(List<MachineTotals> totals) {
    return totals.stream()
        .filter(t -> USD.equals(t.currency()))
        .mapToDouble(MachineTotals::cost)
        .sum();
  }
}
