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

  /**
   * 25 steady minutes at the 40 kW expected (a learned spread at its 3 % floor), then {@code n}
   * readings at {@code kw}.
   */
  private static List<Finding> spike(DetectionThresholds limits, int n, double kw) {
    var detector = new LiveDetector(LiveDetectorTest.seeded(), 200.0, limits);
    for (int i = 0; i < 150; i++) {
      detector.onReading(TUESDAY_14.plusSeconds(10L * i), 40.0, "running", Drivers.NONE);
    }
    List<Finding> found = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      found.addAll(
          detector.onReading(TUESDAY_14.plusSeconds(1500 + 10L * i), kw, "running", Drivers.NONE));
    }
    return found;
  }

  @Test
  void raisesOnlyFromTheConfiguredWarningLevel() {
    // +50 %: z ≈ 13 against the 3 % spread of readings, ≈ 20 against the 2 % of half-minute means.
    assertThat(spike(DetectionThresholds.DEFAULT, 3, 60.0))
        .singleElement()
        .extracting(f -> ((Finding.Raised) f).severity())
        .isEqualTo(Severity.WARNING);
    assertThat(spike(with(25.0, 30.0, 3), 6, 60.0)).isEmpty();
  }

  @Test
  void usesTheConfiguredSeverityAndDebounce() {
    // ×2.5 is critical (at least double, and z ≈ 30 beyond 8)…
    assertThat(spike(DetectionThresholds.DEFAULT, 3, 100.0))
        .singleElement()
        .extracting(f -> ((Finding.Raised) f).severity())
        .isEqualTo(Severity.CRITICAL);
    // …unless the configured critical z is beyond it.
    assertThat(spike(with(4.0, 40.0, 3), 3, 100.0))
        .singleElement()
        .extracting(f -> ((Finding.Raised) f).severity())
        .isEqualTo(Severity.WARNING);
    assertThat(spike(with(4.0, 8.0, 5), 4, 60.0)).isEmpty();
    assertThat(spike(with(4.0, 8.0, 5), 5, 60.0)).hasSize(1);
  }

  @Test
  void refusesAWarningLevelBelowTheNormalOne() {
    assertThatThrownBy(() -> with(2.0, 8.0, 3)).hasMessageContaining("z.normal");
  }
}
