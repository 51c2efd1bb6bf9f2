package org.enms.http.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.enms.core.reading.EnergyType;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.kpi.KpiDao;
import org.enms.db.kpi.KpiFactory;
import org.enms.db.kpi.MonthlyReportDao;
import org.enms.db.kpi.PlantDao;
import org.enms.http.error.ApiException;
import org.enms.http.kpi.Kpis;
import org.enms.http.report.MonthInputs.FactoryMonth;

/**
 * Makes the monthly report of a scope: reads the month from the roll-ups (the plant totals and the
 * factories' KPIs, the same services as {@code /kpi/factory/{id}} and the plant views), computes
 * its figures ({@link MonthlyFigures}) and renders the PDF ({@link ReportPdf}). Reads and rendering
 * run on {@code io}.
 */
public final class MonthlyReports {
  private static final int ANOMALY_LIMIT = 50;

  private final KpiDao kpiDao;
  private final PlantDao plant;
  private final MonthlyReportDao dao;
  private final Kpis kpis;
  private final BlockingIo io;
  private final Clock clock;
  private final EnpiTargets targets;

  public MonthlyReports(
      Database database, BlockingIo io, Kpis kpis, Clock clock, EnpiTargets targets) {
    this.kpiDao = new KpiDao(database, clock);
    this.plant = new PlantDao(database, clock);
    this.dao = new MonthlyReportDao(database, clock);
    this.kpis = kpis;
    this.io = io;
    this.clock = clock;
    this.targets = targets;
  }

  /** The figures of the scope's month; 404 for an unknown factory, 400 for a month to come. */
  public CompletionStage<MonthlyReport> figures(ReportScope scope) {
    return io.call(() -> read(scope))
        .thenCompose(
            read ->
                factoryKpis(read.factories(), scope)
                    .thenApply(
                        enpis ->
                            MonthlyFigures.of(
                                new MonthInputs(
                                    scope.month(),
                                    scope.factory(),
                                    read.name(),
                                    enpis,
                                    read.current(),
                                    read.previous(),
                                    read.days(),
                                    read.counts(),
                                    read.anomalies()),
                                targets)));
  }

  /** The scope's report as a PDF of {@code sections}. */
  public CompletionStage<RenderedReport> pdf(ReportScope scope, Set<ReportSection> sections) {
    long began = System.nanoTime();
    return figures(scope)
        .thenCompose(
            r ->
                io.call(
                    () -> {
                      byte[] pdf = ReportPdf.render(r, sections, clock.instant());
                      return new RenderedReport(
                          r,
                          RenderedReport.fileName(r),
                          pdf,
                          Duration.ofNanos(System.nanoTime() - began));
                    }));
  }

  /**
   * Renders an empty report once, so that the first real one does not pay for loading PDFBox,
   * JFreeChart, AWT and the font metrics (a few seconds on a busy machine).
   */
  public CompletionStage<Void> warmUp() {
    return io.call(
        () -> {
          MonthlyReport empty =
              MonthlyFigures.of(
                  new MonthInputs(
                      java.time.YearMonth.of(2000, 1),
                      null,
                      "Warm-up",
                      List.of(),
                      List.of(),
                      List.of(),
                      List.of(
                          new MonthlyReportDao.DayEnergy(
                              java.time.LocalDate.of(2000, 1, 1), EnergyType.ELECTRICITY, 1)),
                      new MonthlyReport.AnomalyCounts(0, 0, 0, 0),
                      List.of()),
                  targets);
          ReportPdf.render(empty, ReportSection.all(), clock.instant());
          ReportCharts.machineBars(
              List.of(new MonthlyReport.MachineShare(null, "warm-up", 1, 100, "-", 0)),
              1,
              200,
              100);
          return null;
        });
  }

  /** What is read in one go on {@code io}. */
  private record Read(
      String name,
      List<KpiFactory> factories,
      List<PlantDao.MachineTotals> current,
      List<PlantDao.MachineTotals> previous,
      List<MonthlyReportDao.DayEnergy> days,
      MonthlyReport.AnomalyCounts counts,
      List<MonthlyReportDao.ReportAnomaly> anomalies) {}

  private Read read(ReportScope scope) {
    Instant start = scope.start();
    if (!start.isBefore(clock.instant())) {
      throw ApiException.badRequest("No report for " + scope.month() + ": the month has not begun");
    }
    String name;
    List<KpiFactory> factories;
    if (scope.factory() == null) {
      name = "All Factories";
      factories = kpiDao.factories();
    } else {
      KpiFactory f =
          kpiDao
              .factory(scope.factory())
              .orElseThrow(() -> ApiException.notFound("Factory not found: " + scope.factory()));
      name = f.name();
      factories = List.of(f);
    }
    List<UUID> machines = dao.machines(scope.factory());
    Instant end = scope.end();
    ReportScope before = scope.previous();
    long critical = 0;
    long warning = 0;
    long normal = 0;
    for (PlantDao.AnomalyCounts c : plant.anomalies(machines, start, end).values()) {
      critical += c.critical();
      warning += c.warning();
      normal += c.low();
    }
    return new Read(
        name,
        factories.stream().filter(f -> !kpiDao.activeMachines(f.id()).isEmpty()).toList(),
        plant.totals(machines, null, start, end, false),
        plant.totals(machines, null, before.start(), before.end(), false),
        dao.dailyEnergy(machines, start, end),
        new MonthlyReport.AnomalyCounts(
            critical, warning, normal, dao.openCritical(machines, start, end)),
        dao.anomalies(machines, start, end, ANOMALY_LIMIT));
  }

  /**
   * Each factory's electricity KPIs of the month, one after the other (as {@code /kpi/factories}).
   */
  private CompletionStage<List<FactoryMonth>> factoryKpis(
      List<KpiFactory> factories, ReportScope scope) {
    CompletionStage<List<FactoryMonth>> all = CompletableFuture.completedFuture(new ArrayList<>());
    for (KpiFactory f : factories) {
      all =
          all.thenCompose(
              list ->
                  kpis.factory(f.id(), EnergyType.ELECTRICITY, scope.start(), scope.end())
                      .handle(
                          (report, failure) -> {
                            if (failure == null) {
                              list.add(
                                  new FactoryMonth(
                                      f.id(), f.name(), report.kpis(), report.currency()));
                            } else if (!notFound(failure)) {
                              throw failure instanceof RuntimeException e
                                  ? e
                                  : new CompletionException(failure);
                            }
                            return list;
                          }));
    }
    return all.thenApply(List::copyOf);
  }

  private static boolean notFound(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return cause instanceof ApiException api && api.status().intValue() == 404;
  }

  /** For the report types listing: the parameters the original described. */
  static Map<String, String> parameters() {
    return Map.of(
        "year",
            "Required - Report year (integer, "
                + ReportScope.FIRST_YEAR
                + "-"
                + ReportScope.LAST_YEAR
                + ")",
        "month", "Required - Report month 1-12 (integer)",
        "factory_id", "Optional - Filter by factory ID (UUID)");
  }
}
