package org.enms.http.report;

import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.enms.core.reading.EnergyType;
import org.enms.db.kpi.MonthlyReportDao.DayEnergy;
import org.enms.db.kpi.PlantDao.MachineTotals;
import org.enms.http.report.MonthInputs.FactoryMonth;
import org.enms.http.report.MonthlyReport.AnomalyEntry;
import org.enms.http.report.MonthlyReport.CarrierCarbon;
import org.enms.http.report.MonthlyReport.CarrierCost;
import org.enms.http.report.MonthlyReport.CarrierEnergy;
import org.enms.http.report.MonthlyReport.DailyStats;
import org.enms.http.report.MonthlyReport.DayKwh;
import org.enms.http.report.MonthlyReport.EnpiValue;
import org.enms.http.report.MonthlyReport.MachineShare;
import org.enms.http.report.MonthlyReport.Summary;

/**
 * Turns a month's roll-ups into the report's figures. Electricity is the report's energy; gas and
 * steam are kept apart (they are kWh equivalents of other carriers); a cost is only ever added to
 * costs of the same currency. The EnPIs are each factory's {@code /kpi/factory/{id}} figures.
 */
public final class MonthlyFigures {
  private static final String GOOD = "✓ Good";
  private static final String ABOVE = "⚠ Above Target";
  private static final String BELOW = "⚠ Below Target";
  static final String NO_DATA = "No data";

  private MonthlyFigures() {}

  public static MonthlyReport of(MonthInputs in, EnpiTargets targets) {
    List<MachineShare> machines = machines(in);
    double total = electricity(in.current());
    double previous = electricity(in.previous());
    Double change = previous > 0 ? round((total - previous) / previous * 100, 2) : null;
    List<DayKwh> days = days(in.days());
    List<CarrierCost> costs = costs(in);
    Summary summary =
        new Summary(
            round(total, 2),
            round(previous, 2),
            change,
            in.anomalyCounts(),
            energyBySource(in),
            costsByCurrency(costs),
            round(in.current().stream().mapToDouble(MachineTotals::co2Kg).sum(), 2));
    List<EnpiValue> enpis = enpis(in.factories(), targets);
    List<AnomalyEntry> anomalies =
        in.anomalies().stream()
            .map(
                a ->
                    new AnomalyEntry(
                        a.id(),
                        a.detectedAt(),
                        a.severity(),
                        a.resolved(),
                        a.machineName(),
                        a.anomalyType(),
                        a.energyType()))
            .toList();
    return new MonthlyReport(
        in.month().getYear(),
        in.month().getMonthValue(),
        in.month().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
            + " "
            + in.month().getYear(),
        in.factoryId(),
        in.factoryName(),
        summary,
        enpis,
        machines,
        otherCarriers(in),
        days,
        dailyStats(days),
        anomalies,
        costs,
        carbon(in),
        recommendations(summary, machines, enpis));
  }

  private static double electricity(List<MachineTotals> totals) {
    return totals.stream()
        .filter(t -> EnergyType.ELECTRICITY.equals(t.energyType()))
        .mapToDouble(MachineTotals::kwh)
        .sum();
  }

  /** SEC, load factor and peak demand of each factory, judged against the targets. */
  static List<EnpiValue> enpis(List<FactoryMonth> factories, EnpiTargets t) {
    List<EnpiValue> values = new ArrayList<>();
    for (FactoryMonth f : factories) {
      Double sec = f.kpis().secKwhPerUnit();
      Double lf = f.kpis().loadFactorPercent();
      Double peak = f.kpis().peakDemandKw();
      values.add(value("SEC (kWh/unit)", sec, 2, t.secKwhPerUnit(), true, "kWh/unit", f));
      values.add(value("Load Factor (%)", lf, 2, t.loadFactorPercent(), false, "%", f));
      values.add(value("Peak Demand (kW)", peak, 2, t.peakDemandKw(), true, "kW", f));
    }
    return values;
  }

  private static EnpiValue value(
      String name,
      Double current,
      int decimals,
      double target,
      boolean atMost,
      String unit,
      FactoryMonth f) {
    Double shown = current == null ? null : round(current, decimals);
    String status;
    if (shown == null) {
      status = NO_DATA;
    } else if (atMost) {
      status = shown <= target ? GOOD : ABOVE;
    } else {
      status = shown >= target ? GOOD : BELOW;
    }
    return new EnpiValue(name, shown, target, status, unit, f.id(), f.name());
  }

  /** Each machine's electricity, largest first, with its share and its change on last month. */
  static List<MachineShare> machines(MonthInputs in) {
    Map<UUID, MachineTotals> now = byMachine(in.current());
    Map<UUID, MachineTotals> before = byMachine(in.previous());
    double total = electricity(in.current());
    List<MachineShare> shares = new ArrayList<>();
    for (MachineTotals m : now.values()) {
      MachineTotals prev = before.get(m.machineId());
      double prevKwh = prev == null ? 0 : prev.kwh();
      shares.add(
          new MachineShare(
              m.machineId(),
              m.machineName(),
              round(m.kwh(), 2),
              total > 0 ? round(m.kwh() / total * 100, 2) : 0,
              trend(m.kwh(), prevKwh),
              round(prevKwh, 2)));
    }
    shares.sort(
        Comparator.comparingDouble(MachineShare::kwh).reversed().thenComparing(MachineShare::name));
    return shares;
  }

  static String trend(double kwh, double previousKwh) {
    if (previousKwh > 0) {
      return String.format(Locale.ROOT, "%+.1f%%", (kwh - previousKwh) / previousKwh * 100);
    }
    return kwh > 0 ? "new" : "-";
  }

  private static Map<UUID, MachineTotals> byMachine(List<MachineTotals> totals) {
    Map<UUID, MachineTotals> map = new LinkedHashMap<>();
    for (MachineTotals t : totals) {
      if (EnergyType.ELECTRICITY.equals(t.energyType())) {
        map.put(t.machineId(), t);
      }
    }
    return map;
  }

  private static List<CarrierEnergy> otherCarriers(MonthInputs in) {
    return in.current().stream()
        .filter(t -> !EnergyType.ELECTRICITY.equals(t.energyType()))
        .map(
            t ->
                new CarrierEnergy(
                    t.machineId(), t.machineName(), t.energyType(), round(t.kwh(), 2)))
        .toList();
  }

  private static Map<String, Double> energyBySource(MonthInputs in) {
    Map<String, Double> sums = new TreeMap<>();
    in.current().forEach(t -> sums.merge(t.energyType(), t.kwh(), Double::sum));
    sums.replaceAll((type, kwh) -> round(kwh, 2));
    return sums;
  }

  /** Electricity per UTC day, days in order. */
  static List<DayKwh> days(List<DayEnergy> days) {
    return days.stream()
        .filter(d -> EnergyType.ELECTRICITY.equals(d.energyType()))
        .map(d -> new DayKwh(d.day().toString(), round(d.kwh(), 2)))
        .toList();
  }

  /** The original's daily statistics: mean, and the first day of the highest and of the lowest. */
  static DailyStats dailyStats(List<DayKwh> days) {
    if (days.isEmpty()) {
      return null;
    }
    DayKwh max = days.get(0);
    DayKwh min = days.get(0);
    double sum = 0;
    for (DayKwh d : days) {
      sum += d.kwh();
      if (d.kwh() > max.kwh()) {
        max = d;
      }
      if (d.kwh() < min.kwh()) {
        min = d;
      }
    }
    return new DailyStats(
        round(sum / days.size(), 2), max.kwh(), max.date(), min.kwh(), min.date());
  }

  /**
   * Electricity at each factory's KPI cost (its coincident peak's demand charge included); other
   * energy types at their machines' priced intervals. One entry per energy type and currency.
   */
  static List<CarrierCost> costs(MonthInputs in) {
    Map<String, Map<String, Double>> byType = new TreeMap<>();
    for (FactoryMonth f : in.factories()) {
      byType
          .computeIfAbsent(EnergyType.ELECTRICITY, k -> new TreeMap<>())
          .merge(f.currency(), f.kpis().totalCost(), Double::sum);
    }
    for (MachineTotals t : in.current()) {
      if (!EnergyType.ELECTRICITY.equals(t.energyType())) {
        byType
            .computeIfAbsent(t.energyType(), k -> new TreeMap<>())
            .merge(t.currency(), t.cost(), Double::sum);
      }
    }
    List<CarrierCost> costs = new ArrayList<>();
    byType.forEach(
        (type, currencies) ->
            currencies.forEach(
                (currency, cost) -> costs.add(new CarrierCost(type, currency, round(cost, 2)))));
    return costs;
  }

  private static Map<String, Double> costsByCurrency(List<CarrierCost> costs) {
    Map<String, Double> sums = new TreeMap<>();
    costs.forEach(c -> sums.merge(c.currency(), c.cost(), Double::sum));
    sums.replaceAll((currency, cost) -> round(cost, 2));
    return sums;
  }

  private static List<CarrierCarbon> carbon(MonthInputs in) {
    Map<String, Double> sums = new TreeMap<>();
    in.current().forEach(t -> sums.merge(t.energyType(), t.co2Kg(), Double::sum));
    List<CarrierCarbon> list = new ArrayList<>();
    sums.forEach((type, kg) -> list.add(new CarrierCarbon(type, round(kg, 2))));
    return list;
  }

  /**
   * The original's rules: open critical anomalies, warnings, a machine above 30 % of the energy, a
   * rise of more than 10 % on last month, else two general ones; added: EnPIs off target.
   */
  static List<String> recommendations(
      Summary summary, List<MachineShare> machines, List<EnpiValue> enpis) {
    List<String> recs = new ArrayList<>();
    long critical = summary.anomalyCounts().critical();
    if (critical > 0) {
      long open = summary.anomalyCounts().openCritical();
      recs.add("⚠ " + critical + " critical anomalies detected - " + open + " still open");
    }
    long warning = summary.anomalyCounts().warning();
    if (warning > 0) {
      recs.add("⚠ " + warning + " warning-level anomalies require investigation");
    }
    if (!machines.isEmpty() && machines.get(0).percent() > 30) {
      MachineShare top = machines.get(0);
      recs.add(
          String.format(
              Locale.ROOT,
              "%s accounts for %.1f%% of energy - prioritize for efficiency review",
              top.name(),
              top.percent()));
    }
    Double change = summary.prevMonthChange();
    if (change != null && change > 10) {
      recs.add(
          String.format(
              Locale.ROOT,
              "Consumption increased %.1f%% vs previous month - investigate root cause",
              change));
    }
    Map<String, String> advice = new HashMap<>();
    advice.put("Load Factor (%)", "spread loads more evenly over the day");
    advice.put("Peak Demand (kW)", "stagger the start-up of large loads");
    advice.put("SEC (kWh/unit)", "review idle running and process settings");
    for (EnpiValue e : enpis) {
      if (e.current() != null && !e.onTarget()) {
        recs.add(
            String.format(
                Locale.ROOT,
                "%s: %s at %.2f against a target of %.2f - %s",
                e.factoryName(),
                e.name(),
                e.current(),
                e.target(),
                advice.get(e.name())));
      }
    }
    if (recs.isEmpty()) {
      recs.add("Continue regular monitoring of energy performance");
      recs.add("Review production schedules to optimize peak demand");
    }
    return recs;
  }

  static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
