package org.enms.bench;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.enms.analytics.forecast.Accuracy;
import org.enms.analytics.forecast.Backtest;
import org.enms.analytics.forecast.Forecaster;
import org.enms.analytics.forecast.RegularSeries;
import org.enms.core.plant.DemoPlant;
import org.enms.core.plant.Machine;
import org.enms.simulator.history.PlantHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The forecast backtest behind the README's figures: the original's 7-day moving average, the
 * weekly seasonal-naive forecast and EnMS's seasonal profile, each forecasting from the same
 * origins of the same history, with their MAPE, MASE and interval coverage. The history is the demo
 * plant made by the simulator's physics, and, with {@code --csv}, a real meter export read by the
 * importer (not part of the repository; docs/benchmarks.md says where to get one).
 */
@Command(
    name = "forecast",
    description = "Rolling-origin backtest of the forecasts against the original's moving average.")
final class ForecastBench implements Callable<Integer> {
  private static final Duration QUARTER = Duration.ofMinutes(15);
  private static final List<Forecaster> METHODS =
      List.of(Forecaster.movingAverage(), Forecaster.seasonalNaive(), Forecaster.seasonal());

  @Option(
      names = "--weeks",
      defaultValue = "26",
      description = "weeks of simulated demo-plant history (0: none)")
  int weeks;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the simulated history")
  long seed;

  @Option(
      names = "--anomalies-per-day",
      defaultValue = "2",
      description = "simulator anomalies injected per machine and day")
  double anomaliesPerDay;

  @Option(names = "--csv", description = "a meter export with a real history (energy per interval)")
  Path csv;

  @Option(
      names = "--csv-option",
      description = "an import option for --csv, e.g. value_column=Usage_kWh (repeatable)")
  Map<String, String> csvOptions = new LinkedHashMap<>();

  @Option(
      names = "--warm-up-days",
      defaultValue = "28",
      description = "days of history before the first origin")
  int warmUpDays;

  @Option(
      names = "--short-every-hours",
      defaultValue = "6",
      description = "hours between the origins of the 15-minute backtest")
  int shortEveryHours;

  @Override
  public Integer call() throws Exception {
    if (weeks > 0) {
      // Mondays, so weekly patterns start clean; the seasons follow the months of 2025.
      Instant start =
          LocalDate.of(2025, 1, 1)
              .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY))
              .atStartOfDay()
              .toInstant(ZoneOffset.UTC);
      long t0 = System.nanoTime();
      Map<String, RegularSeries> plant = simulate(start, weeks * 7);
      System.out.printf(
          Locale.ROOT,
          "simulated %d machines x %d weeks from %s in %.1f s%n",
          plant.size(),
          weeks,
          start,
          (System.nanoTime() - t0) / 1e9);
      List<RegularSeries> machines = new ArrayList<>(plant.values());
      backtest(
          String.format(
              Locale.ROOT,
              "demo plant, simulated (%d machines, %d weeks, %.0f anomalies/machine/day, seed %d)",
              machines.size(),
              weeks,
              anomaliesPerDay,
              seed),
          machines);
      backtest("Demo Manufacturing Plant total, simulated", List.of(factoryTotal(plant)));
    }
    if (csv != null) {
      backtest("real data: " + csv.getFileName(), List.of(CsvHistory.read(csv, csvOptions)));
    }
    return 0;
  }

  /** Each demo machine's electricity per quarter hour, from the simulator's physics. */
  private Map<String, RegularSeries> simulate(Instant start, int days) {
    Map<String, RegularSeries> plant = new LinkedHashMap<>();
    SplittableRandom seeds = new SplittableRandom(seed);
    for (Machine machine : DemoPlant.MACHINES) {
      double[] kwh =
          PlantHistory.electricityKwh(
              machine, start, QUARTER, days * 96, anomaliesPerDay, seeds.split());
      plant.put(machine.name(), new RegularSeries(start, QUARTER, kwh));
    }
    return plant;
  }

  /** The sum of the demo factory's machines, as {@code /forecast/short-term} totals them. */
  private static RegularSeries factoryTotal(Map<String, RegularSeries> plant) {
    RegularSeries total = null;
    double[] sum = null;
    for (Machine machine : DemoPlant.MACHINES) {
      if (!machine.factoryId().equals(DemoPlant.DEMO_FACTORY)) {
        continue;
      }
      RegularSeries s = plant.get(machine.name());
      if (sum == null) {
        sum = new double[s.size()];
        total = new RegularSeries(s.start(), s.step(), sum);
      }
      for (int i = 0; i < s.size(); i++) {
        sum[i] += s.value(i);
      }
    }
    return total;
  }

  private void backtest(String title, List<RegularSeries> quarters) {
    List<RegularSeries> hours = quarters.stream().map(s -> s.coarsen(4)).toList();
    int days = hours.get(0).size() / 24 - warmUpDays;
    StringBuilder table = new StringBuilder("\n== forecast backtest: " + title + " ==\n");
    table.append(
        String.format(
            Locale.ROOT,
            "  %-22s %8s %7s %10s %10s %10s%n",
            "method",
            "MAPE %",
            "MASE",
            "cover 80%",
            "cover 95%",
            "width 95%"));
    section(
        table,
        String.format(
            Locale.ROOT,
            "tomorrow's energy: daily total, origins at midnight (%d days x %d series)",
            days,
            hours.size()),
        new Backtest(hours, warmUpDays * 24, 24, 24),
        true);
    section(
        table,
        "the next 24 hours, each hour (origins at midnight)",
        new Backtest(hours, warmUpDays * 24, 24, 24),
        false);
    section(
        table,
        String.format(
            Locale.ROOT, "the next 4 hours, each 15 minutes (origins every %d h)", shortEveryHours),
        new Backtest(quarters, warmUpDays * 96, shortEveryHours * 4, 16),
        false);
    System.out.println(table);
  }

  private static void section(StringBuilder table, String name, Backtest backtest, boolean totals) {
    table.append("-- ").append(name).append('\n');
    for (Forecaster method : METHODS) {
      long t0 = System.nanoTime();
      Accuracy a = totals ? backtest.totals(method) : backtest.steps(method);
      System.out.printf(
          Locale.ROOT,
          "%s / %s: %d targets in %.1f s%n",
          name,
          method.name(),
          a.targets(),
          (System.nanoTime() - t0) / 1e9);
      table.append(
          String.format(
              Locale.ROOT,
              "  %-22s %8.1f %7.3f %9.1f%% %9.1f%% %9.0f%%%n",
              method.name(),
              a.mape(),
              a.mase(),
              100 * a.coverage80(),
              100 * a.coverage95(),
              100 * a.width95()));
    }
  }
}
