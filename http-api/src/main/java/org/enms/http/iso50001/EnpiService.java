package org.enms.http.iso50001;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.enms.analytics.enpi.Cusum;
import org.enms.analytics.enpi.DailySample;
import org.enms.analytics.enpi.Enpi;
import org.enms.analytics.enpi.IsoStatus;
import org.enms.analytics.enpi.SeuBaseline;
import org.enms.db.BlockingIo;
import org.enms.db.iso50001.ActionPlanDao;
import org.enms.db.iso50001.SeuBaselineDao;
import org.enms.db.registry.SeuRecord;
import org.enms.http.error.ApiException;

/**
 * EnPIs of SEUs against their baselines: per period with the CUSUM, the original's SEU performance
 * report, the quarterly trend, the factory report, and the original tracker's baseline and
 * performance calls, all from one model (the SEU's regression baseline) and computed on request.
 */
final class EnpiService {
  private static final String KWH = "kWh";

  private final SeuPeriods periods;
  private final SeuBaselines training;
  private final ActionPlanDao plans;
  private final BlockingIo io;
  private final Clock clock;

  EnpiService(
      SeuPeriods periods, SeuBaselines training, ActionPlanDao plans, BlockingIo io, Clock clock) {
    this.periods = periods;
    this.training = training;
    this.plans = plans;
    this.io = io;
    this.clock = clock;
  }

  /** The SEU's EnPI over {@code [from, to)}, with the day-by-day CUSUM when {@code points}. */
  CompletionStage<EnpiResponse> enpi(UUID seuId, LocalDate from, LocalDate to, boolean points) {
    if (!to.isAfter(from)) {
      throw ApiException.badRequest("end_date must be after start_date");
    }
    return io.call(
        () -> {
          SeuRecord seu = periods.seu(seuId);
          SeuBaselineDao.Row row = periods.baselineRow(seu, Optional.empty());
          List<Cusum.Day> days = periods.compared(seu, SeuPeriods.model(row), from, to);
          return EnpiResponse.of(seu, row, from, to, days, periods.price(seu, from, to), points);
        });
  }

  CompletionStage<SeuPerformanceReport> seuReport(SeuPerformanceRequest r) {
    ReportPeriod period = ReportPeriod.ofSeuReport(r.reportYear(), r.period());
    return io.call(
        () -> {
          SeuRecord seu = periods.seu(r.seuId());
          SeuBaselineDao.Row row = periods.baselineRow(seu, Optional.ofNullable(r.baselineYear()));
          SeuBaseline model = SeuPeriods.model(row);
          LocalDate yearStart = LocalDate.of(period.start().getYear(), 1, 1);
          List<Cusum.Day> year = periods.compared(seu, model, yearStart, period.end());
          List<Cusum.Day> days =
              year.stream().filter(d -> !d.day().isBefore(period.start())).toList();
          Enpi e = Cusum.total(days);
          Optional<SeuPeriods.Price> price = periods.price(seu, period.start(), period.end());
          return new SeuPerformanceReport(
              seu.id(),
              seu.name(),
              seu.energySource(),
              period.label(),
              period.start(),
              period.end().minusDays(1),
              row.baselineYear(),
              Figures.kwh(e.actualKwh()),
              Figures.kwh(e.expectedKwh()),
              Figures.kwh(e.deviationKwh()),
              Figures.percent(e.deviationPercent()),
              Figures.kwh(Cusum.total(year).deviationKwh()),
              SeuPerformanceReport.status(e),
              SeuPerformanceReport.months(days, period),
              notes(days, period),
              clock.instant(),
              Figures.round(e.ratio(), 4),
              Figures.kwh(e.savingsKwh()),
              price.map(p -> Figures.round(p.of(e.savingsKwh()), 2)).orElse(null),
              price.map(SeuPeriods.Price::currency).orElse(null),
              days.size());
        });
  }

  private static String notes(List<Cusum.Day> days, ReportPeriod period) {
    long expected = period.end().toEpochDay() - period.start().toEpochDay();
    return days.size() < expected
        ? days.size() + " of " + expected + " days have data (days from today on are not compared)"
        : null;
  }

  CompletionStage<EnpiTrend> trend(UUID seuId, int startYear, int endYear) {
    if (endYear < startYear) {
      throw ApiException.badRequest("end_year must not be before start_year");
    }
    if (endYear - startYear > 20) {
      throw ApiException.badRequest("at most 20 years at once");
    }
    return io.call(
        () -> {
          SeuRecord seu = periods.seu(seuId);
          SeuBaselineDao.Row row = periods.baselineRow(seu, Optional.empty());
          List<Cusum.Day> days =
              periods.compared(
                  seu,
                  SeuPeriods.model(row),
                  LocalDate.of(startYear, 1, 1),
                  LocalDate.of(endYear + 1, 1, 1));
          List<EnpiTrend.Point> points = new ArrayList<>();
          for (int y = startYear; y <= endYear; y++) {
            for (int q = 1; q <= 4; q++) {
              ReportPeriod p = ReportPeriod.quarter(y, q);
              List<Cusum.Day> in =
                  days.stream()
                      .filter(d -> !d.day().isBefore(p.start()) && d.day().isBefore(p.end()))
                      .toList();
              if (in.isEmpty()) {
                continue;
              }
              Enpi e = Cusum.total(in);
              points.add(
                  new EnpiTrend.Point(
                      y,
                      q,
                      Figures.round(e.ratio() * 100, 2),
                      Figures.percent(e.deviationPercent()),
                      Figures.kwh(e.actualKwh()),
                      Figures.kwh(e.expectedKwh())));
            }
          }
          return new EnpiTrend(
              true, seu.id(), seu.name(), row.baselineYear(), points, clock.instant());
        });
  }

  CompletionStage<FactoryEnpiReport> factoryReport(
      UUID factoryId, String periodText, Optional<Integer> baselineYear) {
    ReportPeriod period = ReportPeriod.ofReport(periodText);
    return io.call(
        () -> {
          if (!periods.data().factoryExists(factoryId)) {
            throw ApiException.notFound("Factory not found: " + factoryId);
          }
          List<FactoryEnpiReport.SeuLine> lines = new ArrayList<>();
          List<String> without = new ArrayList<>();
          Set<Integer> years = new TreeSet<>();
          Enpi total = Enpi.ZERO;
          double savingsCost = 0;
          boolean priced = false;
          for (UUID id : periods.data().seusOfFactory(factoryId)) {
            SeuRecord seu = periods.seu(id);
            Optional<SeuBaselineDao.Row> row =
                baselineYear.isPresent()
                    ? periods.baselines().ofYear(id, baselineYear.get())
                    : periods.baselines().active(id);
            if (row.isEmpty()) {
              without.add(seu.name());
              continue;
            }
            years.add(row.get().baselineYear());
            List<Cusum.Day> days =
                periods.compared(seu, SeuPeriods.model(row.get()), period.start(), period.end());
            Enpi e = Cusum.total(days);
            lines.add(
                new FactoryEnpiReport.SeuLine(
                    seu.name(),
                    seu.energySource(),
                    seu.unit(),
                    Figures.kwh(e.expectedKwh()),
                    Figures.kwh(e.actualKwh()),
                    Figures.kwh(e.deviationKwh()),
                    Figures.percent(e.deviationPercent()),
                    Figures.kwh(e.savingsKwh()),
                    Figures.round(e.ratio(), 4),
                    days.isEmpty() ? null : IsoStatus.tracker(e.deviationPercent())));
            if (KWH.equals(seu.unit())) {
              total = total.plus(e);
              Optional<SeuPeriods.Price> price = periods.price(seu, period.start(), period.end());
              if (price.isPresent()) {
                savingsCost += price.get().of(e.savingsKwh());
                priced = true;
              }
            }
          }
          var overall =
              new FactoryEnpiReport.Overall(
                  Figures.kwh(total.expectedKwh()),
                  Figures.kwh(total.actualKwh()),
                  Figures.kwh(total.deviationKwh()),
                  Figures.percent(total.deviationPercent()),
                  Figures.kwh(total.savingsKwh()),
                  priced ? Figures.round(savingsCost, 2) : 0.0,
                  total.expectedKwh() > 0 ? IsoStatus.tracker(total.deviationPercent()) : null);
          return new FactoryEnpiReport(
              factoryId,
              period.label(),
              period.start(),
              period.end().minusDays(1),
              baselineYear.orElse(years.size() == 1 ? years.iterator().next() : null),
              lines.size(),
              overall,
              lines,
              counts(plans.list(factoryId, null, null, null)),
              without,
              clock.instant());
        });
  }

  private static FactoryEnpiReport.ActionPlanCounts counts(List<ActionPlanDao.Row> all) {
    return new FactoryEnpiReport.ActionPlanCounts(
        all.size(),
        count(all, "completed"),
        count(all, "in_progress"),
        count(all, "planned"),
        count(all, "cancelled"),
        count(all, "on_hold"));
  }

  private static int count(List<ActionPlanDao.Row> all, String status) {
    return (int) all.stream().filter(p -> p.status().equals(status)).count();
  }

  CompletionStage<IsoBaselineSummary> createBaseline(IsoBaselineRequest r) {
    return io.call(
        () -> {
          String by = r.createdBy() == null ? "api_user" : r.createdBy();
          SeuBaselineResponse trained = training.trained(r.asTraining(), by);
          return summary(trained.seuId(), Optional.of(trained.baselineYear()));
        });
  }

  CompletionStage<IsoBaselineSummary> baseline(UUID seuId, Optional<Integer> year) {
    return io.call(() -> summary(seuId, year));
  }

  private IsoBaselineSummary summary(UUID seuId, Optional<Integer> year) {
    SeuRecord seu = periods.seu(seuId);
    SeuBaselineDao.Row row =
        (year.isPresent()
                ? periods.baselines().ofYear(seuId, year.get())
                : periods.baselines().active(seuId))
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "No baseline for SEU '"
                            + seu.name()
                            + "'"
                            + year.map(y -> " in " + y).orElse("")));
    List<DailySample> days = periods.days(seu, row.startDate(), row.endDate().plusDays(1));
    double energy = days.stream().mapToDouble(DailySample::energyKwh).sum();
    boolean anyProduction = days.stream().anyMatch(d -> d.productionCount() != null);
    double units =
        days.stream().mapToDouble(d -> d.productionCount() == null ? 0 : d.productionCount()).sum();
    int hours = days.stream().mapToInt(DailySample::hoursWithData).sum();
    return new IsoBaselineSummary(
        row.id(),
        seu.id(),
        seu.name(),
        row.baselineYear(),
        row.startDate(),
        row.endDate(),
        Figures.kwh(energy),
        anyProduction ? units : null,
        hours,
        anyProduction && units > 0 ? Figures.round(energy / units, 4) : null,
        row.isActive(),
        row.version(),
        row.rSquared());
  }

  CompletionStage<IsoPerformance> performance(IsoPerformanceRequest r) {
    LocalDate start = SeuBaselineRequest.parse(r.periodStart());
    LocalDate end = SeuBaselineRequest.parse(r.periodEnd()).plusDays(1);
    return io.call(
        () -> {
          SeuRecord seu = periods.seu(r.seuId());
          SeuBaselineDao.Row row = periods.baselineRow(seu, Optional.empty());
          SeuBaseline model = SeuPeriods.model(row);
          LocalDate yearStart = LocalDate.of(end.minusDays(1).getYear(), 1, 1);
          LocalDate from = start.isBefore(yearStart) ? start : yearStart;
          List<DailySample> samples =
              periods.days(seu, from, end.isAfter(periods.today()) ? periods.today() : end);
          List<DailySample> inPeriod =
              samples.stream().filter(d -> !d.day().isBefore(start)).toList();
          Enpi e = Cusum.total(Cusum.days(inPeriod, model));
          Enpi ytd =
              Cusum.total(
                  Cusum.days(
                      samples.stream().filter(d -> !d.day().isBefore(yearStart)).toList(), model));
          double units =
              inPeriod.stream()
                  .mapToDouble(d -> d.productionCount() == null ? 0 : d.productionCount())
                  .sum();
          Optional<SeuPeriods.Price> price = periods.price(seu, yearStart, end);
          String status = inPeriod.isEmpty() ? null : IsoStatus.tracker(e.deviationPercent());
          return new IsoPerformance(
              null,
              seu.id(),
              seu.name(),
              start,
              end.minusDays(1),
              r.periodType(),
              Figures.kwh(e.actualKwh()),
              units,
              units > 0 ? Figures.round(e.actualKwh() / units, 4) : null,
              Figures.kwh(e.expectedKwh()),
              units > 0 ? Figures.round(e.expectedKwh() / units, 4) : null,
              Figures.kwh(e.deviationKwh()),
              Figures.percent(e.deviationPercent()),
              Figures.kwh(ytd.savingsKwh()),
              price.map(p -> Figures.round(p.of(ytd.savingsKwh()), 2)).orElse(null),
              status,
              status == null
                  ? "No data in the period"
                  : "Compared with baseline v" + row.version() + " (" + row.baselineYear() + ")",
              Figures.round(e.ratio(), 4));
        });
  }
}
