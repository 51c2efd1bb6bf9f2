package org.enms.http.iso50001;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.enms.analytics.baseline.FitQuality;
import org.enms.analytics.baseline.Validity;
import org.enms.analytics.enpi.Cusum;
import org.enms.analytics.enpi.DailySample;
import org.enms.analytics.enpi.SeuBaseline;
import org.enms.db.BaselineDao;
import org.enms.db.Database;
import org.enms.db.iso50001.SeuBaselineDao;
import org.enms.db.iso50001.SeuData;
import org.enms.db.registry.SeuDao;
import org.enms.db.registry.SeuRecord;
import org.enms.http.error.ApiException;

/**
 * What every ISO 50001 answer starts from: the SEU, its days from the roll-ups, its active baseline
 * as the analytics model, and the price of its energy. Blocking; callers run it on the blocking
 * dispatcher. Periods are UTC days and end before today: a day in progress is not compared with a
 * whole day's expectation.
 */
final class SeuPeriods {
  private final SeuDao seus;
  private final SeuData data;
  private final SeuBaselineDao baselines;
  private final BaselineDao names;
  private final Clock clock;

  SeuPeriods(Database database, Clock clock) {
    this.seus = new SeuDao(database);
    this.data = new SeuData(database);
    this.baselines = new SeuBaselineDao(database);
    this.names = new BaselineDao(database);
    this.clock = clock;
  }

  SeuData data() {
    return data;
  }

  SeuBaselineDao baselines() {
    return baselines;
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  SeuRecord seu(UUID id) {
    return seus.byId(id).orElseThrow(() -> ApiException.notFound("SEU not found: " + id));
  }

  /**
   * The SEU a caller names, as the original matched it: by part of its name ("Compressor-1" finds
   * "Compressor-1 Electrical System"), an exact name first, then the shortest.
   */
  Optional<UUID> seuByName(String name, String energySource) {
    return names.seu(name, Optional.of(energySource)).map(BaselineDao.SeuTarget::seuId);
  }

  Optional<SeuRecord> seuIfAny(UUID id) {
    return seus.byId(id);
  }

  /** The SEU's days with energy in {@code [from, to)}. */
  List<DailySample> days(SeuRecord seu, LocalDate from, LocalDate to) {
    return data
        .daily(
            seu.machineIds(),
            seu.energySource(),
            from.atStartOfDay().toInstant(ZoneOffset.UTC),
            to.atStartOfDay().toInstant(ZoneOffset.UTC))
        .stream()
        .map(
            d ->
                new DailySample(
                    d.day(), d.energyKwh(), d.productionCount(), d.outdoorTempC(), d.hours()))
        .toList();
  }

  /** Complete days of {@code [from, to)}: the part before today. */
  List<Cusum.Day> compared(SeuRecord seu, SeuBaseline model, LocalDate from, LocalDate to) {
    LocalDate end = to.isAfter(today()) ? today() : to;
    if (!end.isAfter(from)) {
      return List.of();
    }
    return Cusum.days(days(seu, from, end), model);
  }

  /** The active baseline, or the newest of {@code year} when given; refused when none. */
  SeuBaselineDao.Row baselineRow(SeuRecord seu, Optional<Integer> year) {
    Optional<SeuBaselineDao.Row> row =
        year.isPresent() ? baselines.ofYear(seu.id(), year.get()) : baselines.active(seu.id());
    return row.orElseThrow(
        () ->
            ApiException.badRequest(
                "SEU '"
                    + seu.name()
                    + "' has no baseline"
                    + year.map(y -> " for " + y).orElse("")
                    + "; train one with POST /api/v1/baseline/seu/train"));
  }

  static SeuBaseline model(SeuBaselineDao.Row r) {
    return new SeuBaseline(
        r.coefficients(),
        r.intercept(),
        r.featureMeans(),
        r.startDate(),
        r.endDate(),
        r.samples(),
        r.baselineEnergy(),
        new FitQuality(
            r.rSquared(),
            r.adjustedRSquared() == null ? Double.NaN : r.adjustedRSquared(),
            r.rmse(),
            r.mae(),
            r.cvRmse() == null ? Double.NaN : r.cvRmse(),
            r.nmbe() == null ? Double.NaN : r.nmbe(),
            r.residualStd(),
            null,
            java.util.Map.of()),
        new Validity(r.validity().valid(), r.validity().reasons(), r.validity().warnings()));
  }

  /**
   * A price per unit of the SEU's energy: its stored interval prices over the period (its tariffs),
   * else its energy source's registered price.
   *
   * @param source {@code tariff} or {@code energy_source}
   */
  record Price(double perUnit, String currency, String source) {
    Double of(double units) {
      return units * perUnit;
    }
  }

  Optional<Price> price(SeuRecord seu, LocalDate from, LocalDate to) {
    Optional<SeuData.Priced> priced =
        data.priced(
            seu.machineIds(),
            seu.energySource(),
            from.atStartOfDay().toInstant(ZoneOffset.UTC),
            to.atStartOfDay().toInstant(ZoneOffset.UTC));
    if (priced.isPresent()) {
      return Optional.of(new Price(priced.get().ratePerKwh(), priced.get().currency(), "tariff"));
    }
    return data.sourcePrice(seu.energySourceId()).map(p -> new Price(p, "USD", "energy_source"));
  }
}
