package org.enms.http.iso50001;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.enms.analytics.enpi.Cusum;
import org.enms.analytics.enpi.Enpi;
import org.enms.analytics.enpi.IsoStatus;
import org.enms.db.iso50001.SeuBaselineDao;
import org.enms.db.registry.SeuRecord;

/**
 * {@code GET /iso50001/enpi} and {@code /iso50001/cusum}: an SEU's EnPI over a period against its
 * baseline, and (cusum) the running sum of actual − expected per day with the cumulative saving.
 *
 * @param periodEnd first day after the period (days from today on are not compared)
 * @param enpi actual / expected; below 1 is better than the baseline
 * @param cumulativeSavingsKwh expected − actual over the period
 * @param cumulativeSavingsCost that saving priced at the period's stored tariff prices (else the
 *     energy source's price, see {@code price_source}); null when neither exists
 * @param points per day, only for cusum
 */
public record EnpiResponse(
    UUID seuId,
    String seuName,
    String energySource,
    String energyUnit,
    int baselineVersion,
    int baselineYear,
    LocalDate periodStart,
    LocalDate periodEnd,
    int days,
    Double actualEnergyKwh,
    Double expectedEnergyKwh,
    Double deviationKwh,
    Double deviationPercent,
    Double enpi,
    Double improvementPercent,
    Double cumulativeSavingsKwh,
    Double cumulativeSavingsCost,
    String currency,
    String priceSource,
    String isoStatus,
    List<Point> points) {

  /** One day of the CUSUM. */
  public record Point(
      LocalDate date, Double actualKwh, Double expectedKwh, Double cusumKwh, Double savingsKwh) {
    static Point of(Cusum.Point p) {
      return new Point(
          p.day(),
          Figures.kwh(p.actualKwh()),
          Figures.kwh(p.expectedKwh()),
          Figures.kwh(p.cusumKwh()),
          Figures.kwh(p.savingsKwh()));
    }
  }

  static EnpiResponse of(
      SeuRecord seu,
      SeuBaselineDao.Row baseline,
      LocalDate start,
      LocalDate end,
      List<Cusum.Day> days,
      Optional<SeuPeriods.Price> price,
      boolean withPoints) {
    Enpi e = Cusum.total(days);
    return new EnpiResponse(
        seu.id(),
        seu.name(),
        seu.energySource(),
        seu.unit(),
        baseline.version(),
        baseline.baselineYear(),
        start,
        end,
        days.size(),
        Figures.kwh(e.actualKwh()),
        Figures.kwh(e.expectedKwh()),
        Figures.kwh(e.deviationKwh()),
        Figures.percent(e.deviationPercent()),
        Figures.round(e.ratio(), 4),
        Figures.percent(e.improvementPercent()),
        Figures.kwh(e.savingsKwh()),
        price.map(p -> Figures.round(p.of(e.savingsKwh()), 2)).orElse(null),
        price.map(SeuPeriods.Price::currency).orElse(null),
        price.map(SeuPeriods.Price::source).orElse(null),
        days.isEmpty() ? null : IsoStatus.tracker(e.deviationPercent()),
        withPoints ? Cusum.of(days).stream().map(Point::of).toList() : null);
  }
}
