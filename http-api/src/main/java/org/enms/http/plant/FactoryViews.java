package org.enms.http.plant;

import com.fasterxml.jackson.databind.JavaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.enms.core.json.Json;
import org.enms.core.reading.EnergyType;
import org.enms.db.BlockingIo;
import org.enms.db.kpi.PlantDao;
import org.enms.db.kpi.PlantDao.AnomalyCounts;
import org.enms.db.kpi.PlantDao.MachineTotals;
import org.enms.http.cache.ReadCache;
import org.enms.http.machines.LiveMachines;
import org.enms.http.machines.LiveStatus;
import org.enms.http.machines.MachineSummary;
import org.enms.http.support.JsonSupport;

/**
 * The plant as a whole: {@code /factory/summary}, {@code /stats/system} and {@code
 * /stats/aggregated}. Energy is electricity (a boiler's gas and steam are never added to it); cost
 * and CO₂ are the priced intervals'. Machine states come from their entities.
 */
final class FactoryViews {
  /** A machine whose latest reading is older than this draws nothing now (the original's 5 min). */
  private static final Duration CURRENT = Duration.ofMinutes(5);

  private static final JavaType PRICED_TODAY = Json.mapper().constructType(PricedToday.class);
  private static final JavaType SYSTEM_HISTORY =
      Json.mapper().constructType(PlantDao.SystemHistory.class);
  private static final JavaType SYSTEM_RECENT =
      Json.mapper().constructType(PlantDao.SystemRecent.class);

  private final PlantDao dao;
  private final BlockingIo io;
  private final MachineSelection machines;
  private final LiveMachines live;
  private final Clock clock;
  private final ReadCache cache;

  FactoryViews(
      PlantDao dao,
      BlockingIo io,
      MachineSelection machines,
      LiveMachines live,
      Clock clock,
      ReadCache cache) {
    this.dao = dao;
    this.io = io;
    this.machines = machines;
    this.live = live;
    this.clock = clock;
    this.cache = cache;
  }

  /** Today's figures so far for every active machine, or those of one factory. */
  CompletionStage<FactorySummaryResponse> summary(Optional<UUID> factory) {
    return machines
        .active()
        .thenCompose(
            all -> {
              List<MachineSummary> chosen =
                  all.stream()
                      .filter(m -> factory.map(f -> f.equals(m.factoryId())).orElse(true))
                      .toList();
              Instant now = clock.instant();
              List<UUID> ids = chosen.stream().map(MachineSummary::id).toList();
              return priced(factory, ids, now)
                  .thenCombine(io.call(() -> anomalies(ids, now)), Today::new)
                  .thenCombine(
                      states(chosen), (today, states) -> summary(chosen, now, today, states));
            });
  }

  /** Today's anomalies, read on every request: detection writes them between roll-ups. */
  private record Anomalies(
      Map<UUID, AnomalyCounts> counts, Optional<PlantDao.LatestAnomaly> latest) {}

  private record Today(PricedToday priced, Anomalies anomalies) {}

  private Anomalies anomalies(List<UUID> ids, Instant now) {
    Instant midnight = now.truncatedTo(ChronoUnit.DAYS);
    return new Anomalies(dao.anomalies(ids, midnight, now), dao.latestAnomaly(ids, midnight));
  }

  /**
   * The priced intervals' figures of today and the month: from the read cache while no interval of
   * the month was priced since (each roll-up refresh stamps the days it priced), else one read of
   * the month's intervals. Keyed by the day and the machines chosen.
   */
  private CompletionStage<PricedToday> priced(Optional<UUID> factory, List<UUID> ids, Instant now) {
    Instant midnight = now.truncatedTo(ChronoUnit.DAYS);
    Instant monthStart =
        LocalDate.ofInstant(now, ZoneOffset.UTC)
            .withDayOfMonth(1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    String key =
        "factory-summary:"
            + factory.map(UUID::toString).orElse("all")
            + ":"
            + midnight
            + ":"
            + CachedTotals.key(ids);
    return cache.read(
        key,
        monthStart,
        midnight.plus(Duration.ofDays(1)),
        PRICED_TODAY,
        () ->
            io.call(
                () ->
                    PricedToday.of(
                        dao.todayAndMonth(ids, EnergyType.ELECTRICITY, monthStart, midnight, now),
                        monthStart)));
  }

  /** Each machine's live state; a machine whose entity does not answer counts as stopped. */
  private CompletionStage<List<Optional<LiveStatus>>> states(List<MachineSummary> chosen) {
    List<CompletableFuture<Optional<LiveStatus>>> asks =
        chosen.stream()
            .map(
                m ->
                    live.status(m.id())
                        .thenApply(Optional::of)
                        .exceptionally(e -> Optional.empty())
                        .toCompletableFuture())
            .toList();
    return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new))
        .thenApply(done -> asks.stream().map(CompletableFuture::join).toList());
  }

  private FactorySummaryResponse summary(
      List<MachineSummary> chosen, Instant now, Today t, List<Optional<LiveStatus>> states) {
    Instant fresh = now.minus(CURRENT);
    double currentKw = 0;
    int running = 0;
    int idle = 0;
    for (Optional<LiveStatus> s : states) {
      boolean current =
          s.isPresent() && s.get().lastReading() != null && s.get().lastReading().isAfter(fresh);
      if (current) {
        currentKw += s.get().powerKw();
        running += "running".equals(s.get().status()) ? 1 : 0;
        idle += "idle".equals(s.get().status()) ? 1 : 0;
      }
    }
    PricedToday p = t.priced();
    Map<UUID, AnomalyCounts> anomalies = t.anomalies().counts();
    long critical = anomalies.values().stream().mapToLong(AnomalyCounts::critical).sum();
    long warnings = anomalies.values().stream().mapToLong(AnomalyCounts::warning).sum();
    long low = anomalies.values().stream().mapToLong(AnomalyCounts::low).sum();
    return new FactorySummaryResponse(
        now,
        status(chosen.isEmpty(), critical, warnings),
        new FactorySummaryResponse.Energy(round2(p.kwh()), round2(currentKw), round2(p.avgKw())),
        new FactorySummaryResponse.Costs(
            round2(p.usdToday()),
            round2(monthEstimate(p.usdMonth(), p.monthStart(), now)),
            p.byCurrency()),
        new FactorySummaryResponse.Machines(
            chosen.size(), running, idle, chosen.size() - running - idle),
        new FactorySummaryResponse.Anomalies(critical, warnings, low, critical + warnings + low),
        p.top(),
        t.anomalies()
            .latest()
            .map(
                a ->
                    new FactorySummaryResponse.LatestAnomaly(
                        a.id(),
                        a.machineId(),
                        a.machineName(),
                        a.detectedAt(),
                        a.severity(),
                        a.type(),
                        a.resolved()))
            .orElse(null));
  }

  /** The original's order of precedence. */
  private static String status(boolean noMachines, long critical, long warnings) {
    if (noMachines) {
      return "no_machines";
    }
    if (critical > 5) {
      return "critical_alerts";
    }
    if (critical > 0) {
      return "attention_required";
    }
    return warnings > 10 ? "warnings_present" : "operational";
  }

  /**
   * The month so far, spread over the whole month. (The original divided today's cost by the day of
   * the month, which gave a figure near zero late in a month.)
   */
  static double monthEstimate(double monthSoFar, Instant monthStart, Instant now) {
    double elapsedDays = Duration.between(monthStart, now).toMillis() / 86_400_000.0;
    int daysInMonth = LocalDate.ofInstant(monthStart, ZoneOffset.UTC).lengthOfMonth();
    return elapsedDays <= 0 ? 0 : monthSoFar / elapsedDays * daysInMonth;
  }

  /**
   * The plant's whole history: its days before today (a year of 100 machines is some 40,000 daily
   * rows), and today's and the last day's intervals (some 10,000 rows), each from the read cache
   * while none of its days changed; the last minutes' readings and the anomalies read now.
   */
  CompletionStage<SystemStatsResponse> system() {
    return machines
        .active()
        .thenCompose(
            all -> {
              List<UUID> ids = all.stream().map(MachineSummary::id).toList();
              Instant now = clock.instant();
              Instant today = now.truncatedTo(ChronoUnit.DAYS);
              // The last day's intervals are those from the first whole one after now - 24 h.
              long quarter = Duration.ofMinutes(15).toMillis();
              Instant dayAgo =
                  Instant.ofEpochMilli(
                      Math.floorDiv(
                              now.minus(Duration.ofDays(1)).toEpochMilli() + quarter - 1, quarter)
                          * quarter);
              String machinesKey = CachedTotals.key(ids).toString();
              CompletionStage<PlantDao.SystemHistory> before =
                  cache.read(
                      "system-before:" + today + ":" + machinesKey,
                      Instant.EPOCH,
                      today,
                      SYSTEM_HISTORY,
                      () -> io.call(() -> dao.systemBefore(ids, today)));
              CompletionStage<PlantDao.SystemRecent> recent =
                  cache.read(
                      "system-recent:" + today + ":" + dayAgo + ":" + machinesKey,
                      dayAgo,
                      today.plus(Duration.ofDays(1)),
                      SYSTEM_RECENT,
                      () -> io.call(() -> dao.systemRecent(ids, today, dayAgo)));
              return before.thenCombine(recent, Parts::new).thenCompose(p -> system(ids, p));
            });
  }

  private record Parts(PlantDao.SystemHistory before, PlantDao.SystemRecent recent) {}

  private CompletionStage<SystemStatsResponse> system(List<UUID> ids, Parts parts) {
    return io.call(
        () -> {
          Instant now = clock.instant();
          PlantDao.SystemTotals s = dao.system(ids, parts.before(), parts.recent());
          double days =
              s.firstDay() == null
                  ? 0
                  : Duration.between(s.firstDay(), now).toMillis() / 86_400_000.0;
          double perDayDivisor = Math.max(1, days);
          long expected = Math.max(1, Math.min(96, (long) Math.ceil(days * 96)));
          double usd = s.costsByCurrency().getOrDefault(Money.USD, 0.0);
          double avgKw = s.lastDayKwh() / 24;
          return new SystemStatsResponse(
              s.readings(),
              round2(s.totalKwh()),
              s.lastMinuteReadings(),
              round2(days),
              s.firstDay() == null
                  ? 0
                  : round2(Math.min(100, s.lastDayIntervals() * 100.0 / expected)),
              JsonSupport.round(s.recentReadings() / 10.0, 1),
              round2(s.lastDayKwh() / 24),
              round2(s.lastDayPeakKw()),
              round2(avgKw),
              s.lastDayPeakKw() > 0 ? round2(avgKw / s.lastDayPeakKw() * 100) : 0,
              round2(usd),
              round2(usd / perDayDivisor),
              Map.copyOf(
                  s.costsByCurrency().entrySet().stream()
                      .collect(
                          java.util.stream.Collectors.toMap(
                              Map.Entry::getKey, e -> round2(e.getValue())))),
              round2(s.co2Kg()),
              round2(s.co2Kg() / perDayDivisor),
              s.anomalies(),
              s.machinesToday(),
              now);
        });
  }

  /** {@code selection}: the machines asked for, {@code all} meaning every active one. */
  CompletionStage<AggregatedStatsResponse> aggregated(
      String selection, boolean all, Window window) {
    return machines
        .of(selection)
        .thenCompose(
            chosen ->
                io.call(
                    () ->
                        aggregated(
                            all ? "All machines" : chosen.size() + " machines",
                            dao.totals(
                                chosen.stream().map(MachineSummary::id).toList(),
                                EnergyType.ELECTRICITY,
                                window.start(),
                                window.end()),
                            window)));
  }

  private static AggregatedStatsResponse aggregated(
      String query, List<MachineTotals> totals, Window window) {
    double kwh = totals.stream().mapToDouble(MachineTotals::kwh).sum();
    double co2 = totals.stream().mapToDouble(MachineTotals::co2Kg).sum();
    double usd = Money.usd(totals);
    double days = Math.max(window.days(), 1.0 / 24);
    List<AggregatedStatsResponse.MachineRow> rows =
        totals.stream()
            .map(
                t ->
                    new AggregatedStatsResponse.MachineRow(
                        t.machineId(),
                        t.machineName(),
                        t.machineType(),
                        t.readings(),
                        round2(t.kwh()),
                        round2(meanKw(t)),
                        round2(t.maxPowerKw() == null ? t.peakDemandKw() : t.maxPowerKw()),
                        round2(t.minPowerKw() == null ? 0 : t.minPowerKw()),
                        kwh > 0 ? JsonSupport.round(t.kwh() / kwh * 100, 1) : 0,
                        round2(t.cost()),
                        t.currency(),
                        round2(t.co2Kg())))
            .toList();
    return new AggregatedStatsResponse(
        window.period(),
        query,
        rows.size(),
        rows.isEmpty() ? "No data available for this time period" : null,
        new AggregatedStatsResponse.Totals(
            round2(kwh),
            round2(usd),
            Money.byCurrency(totals),
            round2(co2),
            round2(rows.stream().mapToDouble(AggregatedStatsResponse.MachineRow::avgPowerKw).sum()),
            rows.stream()
                .mapToDouble(AggregatedStatsResponse.MachineRow::peakPowerKw)
                .max()
                .orElse(0),
            round2(usd / days),
            round2(co2 / days)),
        rows,
        rows.isEmpty()
            ? new AggregatedStatsResponse.Rankings(null, null, null)
            : new AggregatedStatsResponse.Rankings(
                rows.get(0).machineName(),
                best(rows, AggregatedStatsResponse.MachineRow::peakPowerKw),
                best(rows, AggregatedStatsResponse.MachineRow::avgPowerKw)));
  }

  /** The mean of the readings' power, or of the 15-minute averages when readings are unknown. */
  static double meanKw(MachineTotals t) {
    return t.avgReadingKw() == null ? t.avgPowerKw() : t.avgReadingKw();
  }

  private static String best(
      List<AggregatedStatsResponse.MachineRow> rows,
      java.util.function.ToDoubleFunction<AggregatedStatsResponse.MachineRow> by) {
    return rows.stream()
        .max(java.util.Comparator.comparingDouble(by))
        .map(AggregatedStatsResponse.MachineRow::machineName)
        .orElse(null);
  }

  static double round2(double v) {
    return JsonSupport.round(v, 2);
  }
}
