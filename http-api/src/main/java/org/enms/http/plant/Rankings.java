package org.enms.http.plant;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.enms.analytics.StatusClassifier;
import org.enms.analytics.kpi.MachineKpis;
import org.enms.core.reading.EnergyType;
import org.enms.db.BlockingIo;
import org.enms.db.kpi.PlantDao;
import org.enms.db.kpi.PlantDao.AnomalyCounts;
import org.enms.db.kpi.PlantDao.MachineTotals;
import org.enms.http.error.ApiException;
import org.enms.http.kpi.Kpis;
import org.enms.http.kpi.MachineKpiReport;
import org.enms.http.machines.MachineSummary;
import org.enms.http.support.JsonSupport;

/**
 * Machines against each other: {@code /analytics/top-consumers}, {@code /compare/machines} and
 * {@code /comparison/machines}. Electricity only. The first two read every machine's sums in one
 * statement; the last asks the KPI service per machine (at most five).
 */
final class Rankings {
  private final PlantDao dao;
  private final BlockingIo io;
  private final MachineSelection machines;
  private final Kpis kpis;
  private final CachedTotals totals;

  Rankings(
      PlantDao dao,
      BlockingIo io,
      MachineSelection machines,
      Kpis kpis,
      CachedTotals totals,
      Clock clock) {
    this.dao = dao;
    this.io = io;
    this.machines = machines;
    this.kpis = kpis;
    this.totals = totals;
  }

  /** The ranking metrics of the original; another is a 400. */
  enum TopMetric {
    ENERGY("Energy Consumption"),
    COST("Energy Cost"),
    POWER("Average Power Demand"),
    ANOMALIES("Anomaly Count");

    final String label;

    TopMetric(String label) {
      this.label = label;
    }

    static TopMetric of(String name) {
      return MachineSelection.metric(
          TopMetric.class, name, "Invalid metric. Must be one of: energy, cost, power, anomalies");
    }

    String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Anomalies are read on every request (detection writes them between roll-ups). */
  CompletionStage<TopConsumersResponse> top(TopMetric metric, Window window, int limit) {
    return machines
        .active()
        .thenCompose(
            all -> {
              List<UUID> ids = all.stream().map(MachineSummary::id).toList();
              if (metric == TopMetric.ANOMALIES) {
                return io.call(
                    () ->
                        byAnomalies(
                            all, dao.anomalies(ids, window.start(), window.end()), window, limit));
              }
              return totals
                  .electricity(ids, window)
                  .thenApply(t -> byEnergy(metric, t, window, limit));
            });
  }

  private static TopConsumersResponse.Period period(Window w) {
    return new TopConsumersResponse.Period(w.start(), w.end(), JsonSupport.round(w.hours(), 2));
  }

  private static TopConsumersResponse byEnergy(
      TopMetric metric, List<MachineTotals> totals, Window window, int limit) {
    java.util.function.ToDoubleFunction<MachineTotals> value =
        switch (metric) {
          case COST -> MachineTotals::cost;
          case POWER -> FactoryViews::meanKw;
          default -> MachineTotals::kwh;
        };
    List<MachineTotals> sorted =
        totals.stream().sorted(Comparator.comparingDouble(value).reversed()).toList();
    double total = sorted.stream().mapToDouble(value).sum();
    List<TopConsumersResponse.Ranked> ranking = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, sorted.size()); i++) {
      MachineTotals t = sorted.get(i);
      ranking.add(
          new TopConsumersResponse.EnergyRank(
              i + 1,
              t.machineId(),
              t.machineName(),
              t.machineType(),
              FactoryViews.round2(value.applyAsDouble(t)),
              total > 0 ? JsonSupport.round(value.applyAsDouble(t) / total * 100, 1) : 0,
              FactoryViews.round2(t.kwh()),
              FactoryViews.round2(t.cost()),
              t.currency(),
              FactoryViews.round2(FactoryViews.meanKw(t))));
    }
    String unit =
        switch (metric) {
          case COST -> {
            List<String> currencies =
                sorted.stream().map(MachineTotals::currency).distinct().toList();
            yield currencies.size() == 1
                ? currencies.get(0)
                : currencies.isEmpty() ? Money.USD : "mixed";
          }
          case POWER -> "kW";
          default -> "kWh";
        };
    return new TopConsumersResponse(
        metric.wire(),
        metric.label,
        period(window),
        FactoryViews.round2(total),
        unit,
        sorted.size(),
        ranking,
        ranking.isEmpty() ? "No data available for this time period" : null);
  }

  private static TopConsumersResponse byAnomalies(
      List<MachineSummary> all, Map<UUID, AnomalyCounts> counts, Window window, int limit) {
    List<MachineSummary> sorted =
        all.stream()
            .filter(m -> counts.containsKey(m.id()))
            .sorted(
                Comparator.comparingLong((MachineSummary m) -> counts.get(m.id()).total())
                    .reversed()
                    .thenComparing(MachineSummary::name))
            .toList();
    long total = counts.values().stream().mapToLong(AnomalyCounts::total).sum();
    List<TopConsumersResponse.Ranked> ranking = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, sorted.size()); i++) {
      MachineSummary m = sorted.get(i);
      AnomalyCounts c = counts.get(m.id());
      ranking.add(
          new TopConsumersResponse.AnomalyRank(
              i + 1,
              m.id(),
              m.name(),
              m.type().toLowerCase(java.util.Locale.ROOT),
              c.total(),
              total > 0 ? JsonSupport.round(c.total() * 100.0 / total, 1) : 0,
              c.critical(),
              c.warning(),
              c.low()));
    }
    return new TopConsumersResponse(
        TopMetric.ANOMALIES.wire(),
        TopMetric.ANOMALIES.label,
        period(window),
        total,
        "anomalies",
        sorted.size(),
        ranking,
        ranking.isEmpty() ? "No anomalies detected in this period" : null);
  }

  /** The comparison metrics of the original; another is a 400. */
  enum CompareMetric {
    ENERGY("Total Energy Consumption", "kWh", true),
    EFFICIENCY("Specific Energy Consumption (SEC)", "kWh/unit", false),
    COST("Total Energy Cost", "USD", true),
    ANOMALIES("Anomaly Count", "anomalies", true),
    PRODUCTION("Total Production Output", "units", true);

    final String label;
    final String unit;

    /** Ranked from the highest value down (efficiency: from the lowest SEC up). */
    final boolean descending;

    CompareMetric(String label, String unit, boolean descending) {
      this.label = label;
      this.unit = unit;
      this.descending = descending;
    }

    /** Production is better when higher; energy, SEC, cost and anomalies when lower. */
    boolean higherIsBetter() {
      return this == PRODUCTION;
    }

    static CompareMetric of(String name) {
      return MachineSelection.metric(
          CompareMetric.class,
          name,
          "Invalid metric. Must be one of: energy, efficiency, cost, anomalies, production");
    }
  }

  /** {@code selection}: comma-separated ids, or empty for every active machine. */
  CompletionStage<CompareResponse> compare(
      Optional<String> selection, CompareMetric metric, Window window) {
    CompletionStage<List<MachineSummary>> chosen =
        selection.filter(s -> !s.isBlank()).map(machines::of).orElseGet(machines::active);
    return chosen.thenCompose(
        list ->
            io.call(
                () -> {
                  List<UUID> ids = list.stream().map(MachineSummary::id).toList();
                  Map<UUID, MachineTotals> energy = new HashMap<>();
                  dao.totals(ids, EnergyType.ELECTRICITY, window.start(), window.end())
                      .forEach(t -> energy.put(t.machineId(), t));
                  return compare(
                      list,
                      metric,
                      window,
                      selection.filter(s -> !s.isBlank()).isPresent()
                          ? list.size() + " machines"
                          : "All active machines",
                      energy,
                      dao.production(ids, window.start(), window.end()),
                      dao.anomalies(ids, window.start(), window.end()));
                }));
  }

  private static CompareResponse compare(
      List<MachineSummary> list,
      CompareMetric metric,
      Window window,
      String query,
      Map<UUID, MachineTotals> energy,
      Map<UUID, Long> production,
      Map<UUID, AnomalyCounts> anomalies) {
    record Row(MachineSummary m, Double value, double kwh, long units, AnomalyCounts a) {}
    List<Row> rows = new ArrayList<>();
    for (MachineSummary m : list) {
      MachineTotals t = energy.get(m.id());
      double kwh = t == null ? 0 : t.kwh();
      long units = production.getOrDefault(m.id(), 0L);
      AnomalyCounts a = anomalies.getOrDefault(m.id(), new AnomalyCounts(0, 0, 0));
      boolean hasData =
          switch (metric) {
            case ANOMALIES -> true;
            case PRODUCTION -> units > 0 || t != null;
            case EFFICIENCY -> units > 0;
            default -> t != null;
          };
      if (!hasData) {
        continue;
      }
      Double value =
          switch (metric) {
            case ENERGY -> kwh;
            case EFFICIENCY -> kwh / units;
            case COST -> t.cost();
            case ANOMALIES -> (double) a.total();
            case PRODUCTION -> (double) units;
          };
      rows.add(new Row(m, value, kwh, units, a));
    }
    if (rows.isEmpty()) {
      throw ApiException.notFound("No data found for comparison period");
    }
    Comparator<Row> order = Comparator.comparingDouble(Row::value);
    rows.sort(metric.descending ? order.reversed() : order);
    double total = rows.stream().mapToDouble(Row::value).sum();
    // Which end of the ranking is better.
    boolean firstIsBest = metric.higherIsBetter() == metric.descending;
    List<CompareResponse.Entry> ranking = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      String performance =
          rows.size() == 1
              ? "best"
              : i == 0
                  ? (firstIsBest ? "best" : "worst")
                  : i == rows.size() - 1 ? (firstIsBest ? "worst" : "best") : "average";
      ranking.add(
          new CompareResponse.Entry(
              r.m().id(),
              r.m().name(),
              r.m().type().toLowerCase(java.util.Locale.ROOT),
              JsonSupport.round(r.value(), metric == CompareMetric.EFFICIENCY ? 6 : 2),
              metric == CompareMetric.EFFICIENCY || total <= 0
                  ? 0
                  : JsonSupport.round(r.value() / total * 100, 2),
              FactoryViews.round2(r.kwh()),
              r.units(),
              r.a().critical(),
              r.a().warning(),
              i + 1,
              performance));
    }
    CompareResponse.Entry best = firstIsBest ? ranking.get(0) : ranking.get(ranking.size() - 1);
    CompareResponse.Entry worst = firstIsBest ? ranking.get(ranking.size() - 1) : ranking.get(0);
    return new CompareResponse(
        metric.name().toLowerCase(java.util.Locale.ROOT),
        metric.label,
        metric.unit,
        window.period(),
        query,
        ranking.size(),
        ranking,
        best.machineName(),
        worst.machineName(),
        insights(metric, best, worst, total));
  }

  private static List<String> insights(
      CompareMetric metric, CompareResponse.Entry best, CompareResponse.Entry worst, double total) {
    List<String> out = new ArrayList<>();
    switch (metric) {
      case ENERGY -> {
        out.add(
            String.format(
                java.util.Locale.ROOT,
                "%s consumed %.1f kWh (%.1f%% of total)",
                worst.machineName(),
                worst.metricValue(),
                worst.percentage()));
        out.add(
            String.format(
                java.util.Locale.ROOT,
                "%s consumed only %.1f kWh (%.1f%% of total)",
                best.machineName(),
                best.metricValue(),
                best.percentage()));
      }
      case EFFICIENCY -> {
        out.add(
            String.format(
                java.util.Locale.ROOT,
                "%s is most efficient at %.6f kWh/unit",
                best.machineName(),
                best.metricValue()));
        out.add(
            String.format(
                java.util.Locale.ROOT,
                "%s is least efficient at %.6f kWh/unit",
                worst.machineName(),
                worst.metricValue()));
      }
      case COST ->
          out.add(
              String.format(java.util.Locale.ROOT, "Total cost across all machines: %.2f", total));
      case ANOMALIES ->
          out.add(String.format(java.util.Locale.ROOT, "Total anomalies: %d", (long) total));
      case PRODUCTION ->
          out.add(
              String.format(
                  java.util.Locale.ROOT,
                  "%s produced the most: %d units",
                  best.machineName(),
                  best.metricValue().longValue()));
    }
    return out;
  }

  /**
   * @param flatRate a what-if price per kWh instead of the tariffs
   */
  CompletionStage<ComparisonResponse> comparison(
      String selection, Window window, Optional<Double> flatRate) {
    List<UUID> ids = MachineSelection.ids(selection);
    if (ids.size() < 2 || ids.size() > 5) {
      throw ApiException.badRequest("Please provide between 2 and 5 machine IDs");
    }
    return machines
        .of(selection)
        .thenCompose(
            list -> {
              List<CompletableFuture<MachineKpiReport>> reports =
                  list.stream()
                      .map(
                          m ->
                              kpis.machine(
                                      m.id(), EnergyType.ELECTRICITY, window.start(), window.end())
                                  .toCompletableFuture())
                      .toList();
              CompletionStage<Map<UUID, Long>> active =
                  io.call(
                      () ->
                          dao.activeIntervals(
                              ids, window.start(), window.end(), StatusClassifier.IDLE_ABOVE_KW));
              return CompletableFuture.allOf(reports.toArray(CompletableFuture[]::new))
                  .thenCombine(
                      active,
                      (done, intervals) ->
                          comparison(
                              list,
                              reports.stream().map(CompletableFuture::join).toList(),
                              intervals,
                              window,
                              flatRate));
            });
  }

  private static ComparisonResponse comparison(
      List<MachineSummary> list,
      List<MachineKpiReport> reports,
      Map<UUID, Long> activeIntervals,
      Window window,
      Optional<Double> flatRate) {
    int n = list.size();
    double[] kwh = new double[n];
    Double[] sec = new Double[n];
    double[] cost = new double[n];
    for (int i = 0; i < n; i++) {
      MachineKpis k = reports.get(i).kpis();
      kwh[i] = k.totalEnergyKwh();
      sec[i] = k.secKwhPerUnit();
      cost[i] = flatRate.map(r -> k.totalEnergyKwh() * r).orElse(k.totalCost());
    }
    int[] rankEnergy = ranks(i -> kwh[i], n);
    int[] rankSec = ranks(i -> sec[i] == null ? Double.MAX_VALUE : sec[i], n);
    int[] rankCost = ranks(i -> cost[i], n);
    int[] rankOverall = ranks(i -> rankEnergy[i] + rankSec[i] + rankCost[i] + i * 1e-6, n);
    List<ComparisonResponse.Machine> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      MachineSummary m = list.get(i);
      MachineKpis k = reports.get(i).kpis();
      double hours = activeIntervals.getOrDefault(m.id(), 0L) * 0.25;
      out.add(
          new ComparisonResponse.Machine(
              m.id(),
              m.name(),
              m.type().toLowerCase(java.util.Locale.ROOT),
              FactoryViews.round2(k.totalEnergyKwh()),
              round(k.avgPowerKw(), 3),
              round(k.peakDemandKw(), 3),
              round(k.secKwhPerUnit(), 4),
              round(k.loadFactorPercent(), 2),
              k.avgPowerKw() == null || m.ratedPowerKw() <= 0
                  ? null
                  : FactoryViews.round2(k.avgPowerKw() / m.ratedPowerKw() * 100),
              FactoryViews.round2(hours),
              Math.round(k.productionUnits()),
              FactoryViews.round2(Math.min(100, hours / window.hours() * 100)),
              FactoryViews.round2(cost[i]),
              flatRate.isPresent() ? Money.USD : reports.get(i).currency(),
              k.productionUnits() > 0 ? round(cost[i] / k.productionUnits(), 4) : null,
              rankEnergy[i],
              rankSec[i],
              rankCost[i],
              rankOverall[i]));
    }
    out.sort(Comparator.comparingInt(ComparisonResponse.Machine::rankOverall));
    ComparisonResponse.Machine best = out.get(0);
    ComparisonResponse.Machine worst = out.get(out.size() - 1);
    List<String> insights = new ArrayList<>();
    insights.add(best.machineName() + " performs best overall (energy, SEC and cost together)");
    ComparisonResponse.Machine mostEnergy =
        out.stream()
            .max(Comparator.comparingDouble(ComparisonResponse.Machine::totalEnergyKwh))
            .get();
    insights.add(
        String.format(
            java.util.Locale.ROOT,
            "%s used the most energy: %.1f kWh",
            mostEnergy.machineName(),
            mostEnergy.totalEnergyKwh()));
    return new ComparisonResponse(
        out, window.start(), window.end(), best.machineName(), worst.machineName(), insights);
  }

  /** 1 for the lowest value; ties keep the given order. */
  private static int[] ranks(java.util.function.IntToDoubleFunction value, int n) {
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingDouble(value::applyAsDouble));
    int[] rank = new int[n];
    for (int r = 0; r < n; r++) {
      rank[order[r]] = r + 1;
    }
    return rank;
  }

  private static Double round(Double v, int decimals) {
    return v == null ? null : JsonSupport.round(v, decimals);
  }
}
