package org.enms.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.enms.analytics.detect.DetectionThresholds;
import org.enms.core.plant.DemoPlant;
import org.enms.core.plant.Machine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Accuracy of live anomaly detection: a simulated week of the demo plant with injected spikes,
 * drops and drifts ({@link InjectedAnomaly}) scored reading by reading by the same {@code
 * LiveDetector} the machine entities run ({@link SimulatedDetection}), then per kind precision,
 * recall, latency and the plant's false alarms per machine-day ({@link AccuracyScore}). With {@code
 * --nab-dir}, also replays labelled real series in NAB's layout ({@link NabReplay}).
 */
@Command(
    name = "accuracy",
    description = "Precision, recall and latency of live anomaly detection on a simulated week.")
final class AccuracyBench implements Callable<Integer> {
  @Option(names = "--days", defaultValue = "7", description = "live days per machine")
  int days;

  @Option(
      names = "--per-kind",
      defaultValue = "8",
      description = "anomalies of each kind per machine (8 × 8 machines = 64 per kind)")
  int perKind;

  @Option(
      names = "--history-weeks",
      defaultValue = "3",
      description = "history seeding profiles (over 3 reaches into February's colder climate)")
  int historyWeeks;

  @Option(names = "--seed", defaultValue = "1", description = "random seed")
  long seed;

  @Option(names = "--nab-dir", description = "a NAB-layout directory (data/, labels/) to replay")
  Path nabDir;

  @Option(names = "--verbose", description = "list false alarms by machine and kind")
  boolean verbose;

  /**
   * A Monday whose history (3 weeks) and live week all lie in March: the simulator's climate steps
   * by month (−10 °C in February, 0 in March), which triples a chiller's weekday power overnight,
   * and a profile learned in February made every HVAC reading of a March week an outlier.
   */
  static final Instant LIVE_FROM = Instant.parse("2025-03-24T00:00:00Z");

  /** Anomalies start after this: the first hours are the detectors' own warm-up. */
  static final Duration QUIET_START = Duration.ofHours(6);

  @Override
  public Integer call() throws Exception {
    DetectionThresholds limits = DetectionThresholds.DEFAULT;
    Duration live = Duration.ofDays(days);
    var score = new AccuracyScore();
    long t0 = System.nanoTime();
    var random = new SplittableRandom(seed);
    List<Machine> machines = new ArrayList<>(DemoPlant.MACHINES);
    for (Machine m : machines) {
      var injected =
          InjectedAnomaly.schedule(
              LIVE_FROM.plus(QUIET_START), LIVE_FROM.plus(live), perKind, random.split());
      score.add(
          SimulatedDetection.run(
              m, LIVE_FROM, live, historyWeeks, injected, limits, random.nextLong()));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double machineDays = machines.size() * (double) days;

    var table = new SummaryTable("Live detection accuracy, simulated demo plant");
    table.row(
        "setup",
        "%d machines × %d days, %d of each kind per machine, %d weeks of history, seed %d, %.1f s",
        machines.size(),
        days,
        perKind,
        historyWeeks,
        seed,
        seconds);
    for (var kind : InjectedAnomaly.Kind.values()) {
      var f = score.figures(kind);
      table.row(
          kind.name().toLowerCase(java.util.Locale.ROOT),
          "precision %.2f (%d/%d alarms)  recall %.2f (%d/%d)  in time %.2f  latency p50 %.0f s,"
              + " p95 %.0f s",
          f.precision(),
          f.trueAlarms(),
          f.alarms(),
          f.recall(),
          f.recalled(),
          f.injected(),
          f.timelyRecall(),
          f.latencyP50s(),
          f.latencyP95s());
    }
    table.row(
        "above rated power",
        "%d alarms inside injected windows, %d outside",
        score.aboveRated()[1],
        score.aboveRated()[0]);
    table.row(
        "false alarms",
        "%d in %.0f machine-days = %.2f per machine-day",
        score.falseAlarms(),
        machineDays,
        score.falseAlarms() / machineDays);
    if (verbose) {
      table.section("false alarms by machine and kind");
      score.falseByMachine().forEach((k, v) -> table.row(k, "%d", v));
      table.section("each false alarm");
      int i = 0;
      for (String f : score.falseList()) {
        table.row(String.valueOf(++i), "%s", f);
      }
      table.section("alarms of another kind inside an injected window");
      score.mislabelled().forEach((k, v) -> table.row(k, "%d", v));
      table.section("recall by machine and kind (injected, found, in time)");
      score.byMachine().forEach((k, v) -> table.row(k, "%d %d %d", v[0], v[1], v[2]));
    }
    if (nabDir != null) {
      table.section("NAB replay of " + nabDir);
      int windows = 0;
      int found = 0;
      int alarms = 0;
      int falseAlarms = 0;
      double nabDays = 0;
      for (var f : NabReplay.run(nabDir, limits)) {
        table.row(
            f.file(),
            "%d points, %.1f days: windows found %d/%d, alarms %d, false %d",
            f.points(),
            f.days(),
            f.found(),
            f.windows(),
            f.alarms(),
            f.falseAlarms());
        windows += f.windows();
        found += f.found();
        alarms += f.alarms();
        falseAlarms += f.falseAlarms();
        nabDays += f.days();
      }
      table.row(
          "NAB total",
          "recall %.2f (%d/%d windows), precision %.2f (%d/%d alarms), %.2f false alarms/day",
          windows == 0 ? Double.NaN : found / (double) windows,
          found,
          windows,
          alarms == 0 ? Double.NaN : (alarms - falseAlarms) / (double) alarms,
          alarms - falseAlarms,
          alarms,
          nabDays == 0 ? Double.NaN : falseAlarms / nabDays);
    }
    table.print(System.out);
    return 0;
  }
}
