package org.enms.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.enms.analytics.detect.AnomalyKind;
import org.enms.analytics.detect.Finding;
import org.enms.analytics.detect.Severity;
import org.enms.core.plant.DemoPlant;
import org.junit.jupiter.api.Test;

class AccuracyScoreTest {
  private static final Instant T = Instant.parse("2025-03-03T10:00:00Z");

  private static Finding.Raised alarm(AnomalyKind kind, Instant at) {
    return new Finding.Raised(kind, at, at, Severity.WARNING, "power_kw", 0, 0, 0, 0, "x", "x");
  }

  private static InjectedAnomaly spike(Instant start) {
    return new InjectedAnomaly(
        InjectedAnomaly.Kind.SPIKE, 1.8, start, start.plusSeconds(600), start.plusSeconds(600));
  }

  @Test
  void scoresAlarmsByTheWindowTheyFallIn() {
    var score = new AccuracyScore();
    var drift =
        new InjectedAnomaly(
            InjectedAnomaly.Kind.DRIFT,
            1.3,
            T.plus(Duration.ofHours(2)),
            T.plus(Duration.ofHours(4)),
            T.plus(Duration.ofHours(5)));
    score.add(
        new SimulatedDetection.Outcome(
            DemoPlant.MACHINES.get(0),
            List.of(spike(T), drift),
            List.of(
                alarm(AnomalyKind.SPIKE, T.plusSeconds(45)),
                alarm(AnomalyKind.ABOVE_RATED_POWER, T.plusSeconds(50)),
                alarm(AnomalyKind.DROP, T.plusSeconds(100)),
                // The drift's latency runs from mid-ramp (+15 %), 3 h after T.
                alarm(AnomalyKind.DRIFT, T.plus(Duration.ofHours(3)).plusSeconds(600)),
                alarm(AnomalyKind.SPIKE, T.plus(Duration.ofHours(10))))));

    var spikes = score.figures(InjectedAnomaly.Kind.SPIKE);
    assertThat(spikes.recalled()).isEqualTo(1);
    assertThat(spikes.timely()).isEqualTo(1);
    assertThat(spikes.latencyP50s()).isEqualTo(45.0);
    assertThat(spikes.precision()).isEqualTo(0.5);
    var drifts = score.figures(InjectedAnomaly.Kind.DRIFT);
    assertThat(drifts.timely()).isEqualTo(1);
    assertThat(drifts.latencyP50s()).isEqualTo(600.0);
    // The drop inside the spike's window is the drop's miss, not a false alarm of the plant.
    assertThat(score.figures(InjectedAnomaly.Kind.DROP).precision()).isEqualTo(0.0);
    assertThat(score.falseAlarms()).isEqualTo(1);
    assertThat(score.aboveRated()).containsExactly(0, 1);
  }

  @Test
  void schedulesEachKindApartWithQuietAfterEach() {
    Instant from = T;
    Instant to = T.plus(Duration.ofDays(7));
    var anomalies = InjectedAnomaly.schedule(from, to, 8, new SplittableRandom(1));
    assertThat(anomalies).hasSize(24);
    assertThat(anomalies.stream().filter(a -> a.kind() == InjectedAnomaly.Kind.DROP)).hasSize(8);
    for (int i = 1; i < anomalies.size(); i++) {
      assertThat(anomalies.get(i).start())
          .isAfter(anomalies.get(i - 1).end().plus(Duration.ofMinutes(90)));
    }
    var drift = anomalies.stream().filter(a -> a.kind() == InjectedAnomaly.Kind.DRIFT).findFirst();
    assertThat(drift.orElseThrow().factorAt(drift.get().rampEnd())).isEqualTo(1.3);
    assertThat(drift.get().factorAt(drift.get().reference())).isBetween(1.14, 1.16);
  }
}
