package org.enms.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.enms.analytics.detect.AnomalyKind;
import org.enms.analytics.detect.Finding;

/**
 * Event-based scoring of live detection against injected anomalies. An alarm (a raised finding) is
 * a true positive when it falls in the window of an injected anomaly of the kind it names (above
 * rated power counts as a spike); an alarm outside every window is a false alarm; an alarm inside a
 * window of another kind counts against its kind's precision but is no false alarm of the plant. An
 * anomaly is recalled when at least one alarm of its kind falls in its window; its latency is from
 * its reference instant (its start; a drift's +15 % point) to the first such alarm, 0 if earlier.
 */
final class AccuracyScore {
  /** Figures of one injected kind. */
  record KindFigures(
      int injected,
      int recalled,
      int timely,
      int alarms,
      int trueAlarms,
      double latencyP50s,
      double latencyP95s) {
    double recall() {
      return injected == 0 ? Double.NaN : recalled / (double) injected;
    }

    double timelyRecall() {
      return injected == 0 ? Double.NaN : timely / (double) injected;
    }

    double precision() {
      return alarms == 0 ? Double.NaN : trueAlarms / (double) alarms;
    }
  }

  private final Map<InjectedAnomaly.Kind, int[]> counts = new EnumMap<>(InjectedAnomaly.Kind.class);
  private final Map<InjectedAnomaly.Kind, List<Double>> latencies =
      new EnumMap<>(InjectedAnomaly.Kind.class);
  private int falseAlarms;

  /** Above-rated-power alarms outside [0] and inside [1] an injected window. */
  private final int[] aboveRated = new int[2];

  private final Map<String, Integer> falseByMachine = new java.util.TreeMap<>();
  private final Map<String, int[]> byMachine = new java.util.TreeMap<>();
  private final Map<String, Integer> mislabelled = new java.util.TreeMap<>();
  private final List<String> falseList = new ArrayList<>();

  AccuracyScore() {
    for (var k : InjectedAnomaly.Kind.values()) {
      counts.put(k, new int[5]);
      latencies.put(k, new ArrayList<>());
    }
  }

  /** Adds one machine's live period. */
  void add(SimulatedDetection.Outcome outcome) {
    for (InjectedAnomaly a : outcome.injected()) {
      int[] c = counts.get(a.kind());
      c[0]++;
      int[] mine =
          byMachine.computeIfAbsent(
              outcome.machine().name() + " " + a.kind().name().toLowerCase(java.util.Locale.ROOT),
              k -> new int[3]);
      mine[0]++;
      Finding.Raised first = null;
      for (Finding.Raised r : outcome.raised()) {
        if (a.covers(r.at()) && injectedKind(r.kind()) == a.kind()) {
          first = r;
          break;
        }
      }
      if (first != null) {
        c[1]++;
        Duration latency = Duration.between(a.reference(), first.at());
        double seconds = Math.max(0, latency.toMillis() / 1000.0);
        latencies.get(a.kind()).add(seconds);
        mine[1]++;
        if (seconds <= a.deadline().getSeconds()) {
          c[2]++;
          mine[2]++;
        }
      }
    }
    for (Finding.Raised r : outcome.raised()) {
      InjectedAnomaly.Kind named = injectedKind(r.kind());
      InjectedAnomaly in = null;
      for (InjectedAnomaly a : outcome.injected()) {
        if (a.covers(r.at())) {
          in = a;
          break;
        }
      }
      if (named != null) {
        int[] c = counts.get(named);
        c[3]++;
        if (in != null && in.kind() == named) {
          c[4]++;
        } else if (in != null) {
          mislabelled.merge(r.kind().wireName() + " during " + in.kind(), 1, Integer::sum);
        }
      }
      if (r.kind() == AnomalyKind.ABOVE_RATED_POWER) {
        aboveRated[in == null ? 0 : 1]++;
      }
      if (in == null) {
        falseAlarms++;
        falseByMachine.merge(outcome.machine().name() + " " + r.kind().wireName(), 1, Integer::sum);
        falseList.add(
            String.format(
                java.util.Locale.ROOT,
                "%s %s %s %.1f/%.1f kW: %s",
                outcome.machine().name(),
                r.kind().wireName(),
                r.at().atZone(java.time.ZoneOffset.UTC).format(WHEN),
                r.actual(),
                r.expected(),
                r.explanation()));
      }
    }
  }

  KindFigures figures(InjectedAnomaly.Kind kind) {
    int[] c = counts.get(kind);
    List<Double> l = new ArrayList<>(latencies.get(kind));
    l.sort(null);
    return new KindFigures(c[0], c[1], c[2], c[3], c[4], percentile(l, 0.5), percentile(l, 0.95));
  }

  private static final java.time.format.DateTimeFormatter WHEN =
      java.time.format.DateTimeFormatter.ofPattern("EEE HH:mm:ss", java.util.Locale.ROOT);

  /** Each false alarm: machine, kind, when, actual and expected, explanation. */
  List<String> falseList() {
    return falseList;
  }

  int falseAlarms() {
    return falseAlarms;
  }

  /** False alarms by machine and alarm kind, for finding the weak spots. */
  Map<String, Integer> falseByMachine() {
    return falseByMachine;
  }

  /** Per machine and injected kind: injected, recalled, in time. */
  Map<String, int[]> byMachine() {
    return byMachine;
  }

  /** Alarms raised inside the window of another kind, by alarm kind and injected kind. */
  Map<String, Integer> mislabelled() {
    return mislabelled;
  }

  /**
   * Above-rated-power alarms outside and inside injected windows. The rule names no spike or drift,
   * so it counts in no kind's precision or recall; outside every window it is a false alarm.
   */
  int[] aboveRated() {
    return aboveRated;
  }

  /** The injected kind an alarm of {@code kind} claims; null for kinds nothing injects. */
  static InjectedAnomaly.Kind injectedKind(AnomalyKind kind) {
    return switch (kind) {
      case SPIKE -> InjectedAnomaly.Kind.SPIKE;
      case DROP -> InjectedAnomaly.Kind.DROP;
      case DRIFT -> InjectedAnomaly.Kind.DRIFT;
      case ABOVE_RATED_POWER, POWER_WHILE_STOPPED, SILENT -> null;
    };
  }

  static double percentile(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }
}
