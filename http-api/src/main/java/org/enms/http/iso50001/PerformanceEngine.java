package org.enms.http.iso50001;

import com.fasterxml.jackson.databind.JavaType;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.enms.analytics.enpi.Cusum;
import org.enms.analytics.enpi.DailySample;
import org.enms.analytics.enpi.Enpi;
import org.enms.analytics.enpi.IsoStatus;
import org.enms.analytics.enpi.Opportunities;
import org.enms.core.json.Json;
import org.enms.db.BlockingIo;
import org.enms.db.iso50001.SeuBaselineDao;
import org.enms.db.iso50001.SeuData;
import org.enms.db.registry.SeuRecord;
import org.enms.http.baseline.BaselineRoutes;
import org.enms.http.cache.ReadCache;
import org.enms.http.error.ApiException;

/**
 * The original's energy performance engine, on the SEU baselines: a day of an SEU judged against
 * what its baseline expects for that day's production and weather (the original compared with the
 * mean of the 30 days before, which any change of production makes look like waste; that is kept
 * for SEUs without a baseline), and the saving opportunities of a factory's SEUs.
 */
final class PerformanceEngine {
  private static final int MIN_HOURS_TODAY = 2;
  private static final Map<String, Integer> OPPORTUNITY_DAYS =
      Map.of("week", 7, "month", 30, "quarter", 90);
  private static final Map<String, Double> EFFORT_COST =
      Map.of("low", 500.0, "medium", 1000.0, "high", 2000.0);

  private static final JavaType OPPORTUNITIES =
      Json.mapper().constructType(OpportunitiesResponse.class);

  private final SeuPeriods periods;
  private final BlockingIo io;
  private final Clock clock;
  private final ReadCache cache;

  PerformanceEngine(SeuPeriods periods, BlockingIo io, Clock clock, ReadCache cache) {
    this.periods = periods;
    this.io = io;
    this.clock = clock;
    this.cache = cache;
  }

  CompletionStage<AnalysisResponse> analyze(AnalyzeRequest r) {
    String source = BaselineRoutes.normalise(r.energySource());
    LocalDate day = r.day();
    return io.call(
        () -> {
          UUID id =
              periods
                  .seuByName(r.seuName().trim(), source)
                  .orElseThrow(
                      () ->
                          ApiException.notFound(
                              "SEU '"
                                  + r.seuName()
                                  + "' with energy source '"
                                  + r.energySource()
                                  + "' not found"));
          SeuRecord seu = periods.seu(id);
          LocalDate today = periods.today();
          if (day.isAfter(today)) {
            throw ApiException.badRequest("analysis_date " + day + " is in the future");
          }
          DailySample measured =
              periods.days(seu, day, day.plusDays(1)).stream()
                  .findFirst()
                  .orElseThrow(
                      () ->
                          ApiException.notFound("No energy data for " + seu.name() + " on " + day));
          boolean projected = day.equals(today);
          DailySample sample = measured;
          if (projected) {
            int h = measured.hoursWithData();
            if (h < MIN_HOURS_TODAY) {
              throw ApiException.badRequest(
                  "Only "
                      + h
                      + " complete hour(s) of today so far; at least "
                      + MIN_HOURS_TODAY
                      + " needed");
            }
            double scale = 24.0 / h;
            sample =
                new DailySample(
                    day,
                    measured.energyKwh() * scale,
                    measured.productionCount() == null ? null : measured.productionCount() * scale,
                    measured.outdoorTempC(),
                    24);
          }
          Optional<SeuBaselineDao.Row> baseline = periods.baselines().active(seu.id());
          double expected;
          String by;
          if (baseline.isPresent()) {
            expected = SeuPeriods.model(baseline.get()).expected(sample);
            by = "seu_baseline";
          } else {
            expected =
                periods.days(seu, day.minusDays(30), day).stream()
                    .mapToDouble(DailySample::energyKwh)
                    .average()
                    .orElseThrow(
                        () ->
                            ApiException.notFound(
                                "No baseline and no history in the 30 days before "
                                    + day
                                    + " for "
                                    + seu.name()));
            by = "30_day_average";
          }
          Enpi e = new Enpi(sample.energyKwh(), expected);
          Optional<SeuPeriods.Price> price = periods.price(seu, day.minusDays(30), day.plusDays(1));
          return analysis(
              seu, r.energySource(), day, e, price, by, projected, measured.hoursWithData());
        });
  }

  private AnalysisResponse analysis(
      SeuRecord seu,
      String energySource,
      LocalDate day,
      Enpi e,
      Optional<SeuPeriods.Price> price,
      String by,
      boolean projected,
      int hours) {
    double dev = e.deviationPercent();
    double conf = projected ? 0.7 : 0.9;
    AnalysisResponse.RootCause cause;
    String against =
        by.equals("seu_baseline") ? "its baseline for the day's conditions" : "its 30-day average";
    if (!Double.isFinite(dev) || Math.abs(dev) < 5) {
      cause =
          new AnalysisResponse.RootCause(
              "normal_variation", "Consumption is within 5% of " + against, List.of(), conf);
    } else if (dev > 0) {
      cause =
          new AnalysisResponse.RootCause(
              "increased_load",
              fmt("Consumption is %.1f%% above %s", dev, against),
              by.equals("seu_baseline")
                  ? List.of(
                      "equipment efficiency loss",
                      "operating outside production hours",
                      "set-point changes")
                  : List.of("higher production", "equipment efficiency loss", "weather"),
              conf - 0.2);
    } else {
      cause =
          new AnalysisResponse.RootCause(
              "reduced_load",
              fmt("Consumption is %.1f%% below %s", -dev, against),
              List.of("efficiency measures in effect", "lower production", "shorter operation"),
              conf - 0.2);
    }
    double excess = Math.max(0, e.deviationKwh());
    List<AnalysisResponse.Recommendation> recs = new ArrayList<>();
    if (dev > 15) {
      recs.add(
          rec(
              "Investigate equipment efficiency",
              "maintenance",
              excess * 0.3,
              price,
              "medium",
              "high",
              30,
              List.of(
                  "Inspect for leaks, wear and fouling",
                  "Compare set-points with the commissioning values")));
      recs.add(
          rec(
              "Optimize operating schedule",
              "operational",
              excess * 0.2,
              price,
              "low",
              "high",
              7,
              List.of(
                  "Stop the SEU outside production hours", "Stagger start-ups to avoid peaks")));
    } else if (dev > 5) {
      recs.add(
          rec(
              "Review operational parameters",
              "operational",
              excess * 0.5,
              price,
              "low",
              "medium",
              14,
              List.of("Check set-points and idle times against the baseline period")));
    }
    String status = Double.isFinite(dev) ? IsoStatus.engine(dev) : "requires_attention";
    String summary =
        Double.isFinite(dev)
            ? fmt(
                "%s %s %.1f kWh on %s, %.1f%% %s %s of %.1f kWh. Status: %s.",
                seu.name(),
                projected ? "is projected to use" : "used",
                e.actualKwh(),
                day,
                Math.abs(dev),
                dev >= 0 ? "above" : "below",
                by.equals("seu_baseline") ? "its baseline" : "its 30-day average",
                e.expectedKwh(),
                status.replace('_', ' '))
            : fmt(
                "%s used %.1f kWh on %s; no expectation could be made.",
                seu.name(), e.actualKwh(), day);
    return new AnalysisResponse(
        seu.name(),
        energySource,
        day,
        Figures.kwh(e.actualKwh()),
        Figures.kwh(e.expectedKwh()),
        Figures.kwh(e.deviationKwh()),
        Figures.percent(dev),
        price.map(p -> Figures.round(p.of(Math.abs(e.deviationKwh())), 2)).orElse(null),
        Double.isFinite(dev) ? IsoStatus.efficiencyScore(dev) : 0.4,
        cause,
        recs,
        status,
        summary,
        clock.instant(),
        by,
        projected,
        hours);
  }

  private static AnalysisResponse.Recommendation rec(
      String action,
      String type,
      double kwh,
      Optional<SeuPeriods.Price> price,
      String effort,
      String priority,
      int roi,
      List<String> steps) {
    return new AnalysisResponse.Recommendation(
        action,
        type,
        Figures.kwh(kwh),
        price.map(p -> Figures.round(p.of(kwh), 2)).orElse(null),
        effort,
        priority,
        roi,
        steps);
  }

  /**
   * A factory's saving opportunities over the last {@code period} up to the last whole hour: from
   * the read cache while none of the days they read changed (each SEU's hours, CUSUM and prices are
   * some hundred milliseconds of reading and fitting on a year of data).
   */
  CompletionStage<OpportunitiesResponse> opportunities(UUID factoryId, String period) {
    Integer days = OPPORTUNITY_DAYS.get(period);
    if (days == null) {
      throw ApiException.badRequest("Invalid period '" + period + "'; use week, month or quarter");
    }
    Instant to = clock.instant().truncatedTo(ChronoUnit.HOURS);
    Instant from = to.minus(Duration.ofDays(days + 1L)).truncatedTo(ChronoUnit.DAYS);
    return cache.read(
        "opportunities:" + factoryId + ":" + period + ":" + to,
        from,
        to.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)),
        OPPORTUNITIES,
        () -> opportunities(factoryId, period, days, to));
  }

  private CompletionStage<OpportunitiesResponse> opportunities(
      UUID factoryId, String period, int days, Instant to) {
    return io.call(
        () -> {
          if (!periods.data().factoryExists(factoryId)) {
            throw ApiException.notFound("Factory not found: " + factoryId);
          }
          Instant from = to.minus(Duration.ofDays(days));
          LocalDate today = periods.today();
          List<Candidate> found = new ArrayList<>();
          for (UUID id : periods.data().seusOfFactory(factoryId)) {
            SeuRecord seu = periods.seu(id);
            List<Opportunities.Hour> hours =
                hours(periods.data().hourly(seu.machineIds(), seu.energySource(), from, to));
            Enpi soFar =
                periods
                    .baselines()
                    .active(id)
                    .map(
                        b ->
                            Cusum.total(
                                periods.compared(
                                    seu, SeuPeriods.model(b), today.minusDays(days), today)))
                    .orElse(null);
            Optional<SeuPeriods.Price> price =
                periods.price(seu, today.minusDays(days), today.plusDays(1));
            Opportunities.find(seu.name(), hours, soFar)
                .forEach(f -> found.add(new Candidate(seu.name(), f, price)));
          }
          found.sort(
              (a, b) ->
                  Double.compare(
                      b.finding().potentialSavingsKwh(), a.finding().potentialSavingsKwh()));
          List<OpportunitiesResponse.Opportunity> out = new ArrayList<>();
          double kwh = 0;
          double usd = 0;
          for (Candidate c : found) {
            var f = c.finding();
            Double money = c.price().map(p -> p.of(f.potentialSavingsKwh())).orElse(null);
            Integer roi =
                money == null || money <= 0
                    ? null
                    : (int) Math.ceil(EFFORT_COST.get(f.effort()) / (money / days));
            kwh += f.potentialSavingsKwh();
            usd += money == null ? 0 : money;
            out.add(
                new OpportunitiesResponse.Opportunity(
                    out.size() + 1,
                    c.seuName(),
                    f.issueType(),
                    f.description(),
                    Figures.kwh(f.potentialSavingsKwh()),
                    money == null ? null : Figures.round(money, 2),
                    f.effort(),
                    roi,
                    f.recommendedAction(),
                    f.detailedAnalysis()));
          }
          return new OpportunitiesResponse(
              factoryId,
              period,
              out.size(),
              Figures.kwh(kwh),
              Figures.round(usd, 2),
              out,
              clock.instant());
        });
  }

  private record Candidate(
      String seuName, Opportunities.Finding finding, Optional<SeuPeriods.Price> price) {}

  /** The SEU's machines' hours summed per hour; off hours by the factory's local time. */
  static List<Opportunities.Hour> hours(List<SeuData.MachineHour> rows) {
    Map<Instant, double[]> byHour = new TreeMap<>();
    Map<Instant, String> zones = new TreeMap<>();
    for (SeuData.MachineHour r : rows) {
      double[] sums = byHour.computeIfAbsent(r.hour(), h -> new double[3]);
      sums[0] += r.energyKwh();
      sums[1] += r.avgPowerKw();
      sums[2] += r.ratedKw();
      zones.putIfAbsent(r.hour(), r.zone());
    }
    List<Opportunities.Hour> out = new ArrayList<>(byHour.size());
    byHour.forEach(
        (hour, s) ->
            out.add(new Opportunities.Hour(offHours(hour, zones.get(hour)), s[0], s[1], s[2])));
    return out;
  }

  /** 20:00–06:00 local, or a Saturday or Sunday. */
  static boolean offHours(Instant hour, String zone) {
    ZonedDateTime local = hour.atZone(zoneOf(zone));
    DayOfWeek d = local.getDayOfWeek();
    int h = local.getHour();
    return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY || h >= 20 || h < 6;
  }

  private static ZoneId zoneOf(String zone) {
    try {
      return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
    } catch (java.time.DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
