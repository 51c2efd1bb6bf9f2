package org.enms.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The detector judges by the thresholds it is given, not by constants of its own. */
class DetectionThresholdsTest {
  private static final Instant TUESDAY_14 = Instant.parse("2025-03-04T14:00:00Z");

  private static DetectionThresholds with(double warningZ, double criticalZ, int raiseReadings) {
    var d = DetectionThresholds.DEFAULT;
    return new DetectionThresholds(
        warningZ,
        criticalZ,
        d.normalZ(),
        d.cusumK(),
        d.cusumH(),
        d.driftNormalZ(),
        d.driftResolveMinutes(),
        new DetectionThresholds.Debouncing(
            raiseReadings, Duration.ofMinutes(10), 6, Duration.ofSeconds(60)),
        d.silentAfterIntervals(),
        d.aboveRatedRaise(),
        d.aboveRatedResolve(),
        d.aboveRatedCritical(),
        d.stoppedRaiseKw(),
        d.stoppedResolveKw());
  }

  /** Ten normal minutes, then {@code n} readings at 60 kW (the profile expects 40, σ 4 kW: z 5). */
  private static List<Finding> spike(DetectionThresholds limits, int n) {
    var detector = new LiveDetector(LiveDetectorTest.seeded(), 100.0, limits);
    for (int i = 0; i < 60; i++) {
      detector.onReading(TUESDAY_14.plusSeconds(10L * i), 40.0, "running", Drivers.NONE);
    }
    List<Finding> found = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      found.addAll(
          detector.onReading(TUESDAY_14.plusSeconds(600 + 10L * i), 60.0, "running", Drivers.NONE));
    }
    return found;
  }

  @Test
  void raisesOnlyFromTheConfiguredWarningLevel() {
    assertThat(spike(DetectionThresholds.DEFAULT, 3))
        .singleElement()
        .extracting(f -> ((Finding.Raised) f).severity())
        .isEqualTo(Severity.WARNING);
    assertThat(spike(with(6.0, 8.0, 3), 6)).isEmpty();
  }

  @Test
  void usesTheConfiguredSeverityAndDebounce() {
    assertThat(spike(with(4.0, 4.5, 3), 3))
        .singleElement()
        .extracting(f -> ((Finding.Raised) f).severity())
        .isEqualTo(Severity.CRITICAL);
    assertThat(spike(with(4.0, 8.0, 5), 4)).isEmpty();
    assertThat(spike(with(4.0, 8.0, 5), 5)).hasSize(1);
  }

  @Test
  void refusesAWarningLevelBelowTheNormalOne() {
    assertThatThrownBy(() -> with(2.0, 8.0, 3)).hasMessageContaining("z.normal");
  }
}
