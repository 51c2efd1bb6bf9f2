package org.enms.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An open anomaly escalates when it grows worse, once, and never falls back while open. */
class LiveDetectorEscalationTest {
  private static final Instant TUESDAY_14 = Instant.parse("2025-03-04T14:00:00Z");

  private Instant next = TUESDAY_14;

  /** {@code n} readings at {@code kw}, 10 s apart, after the previous ones. */
  private List<Finding> feed(LiveDetector detector, int n, double kw) {
    List<Finding> found = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      found.addAll(detector.onReading(next, kw, "running", Drivers.NONE));
      next = next.plusSeconds(10);
    }
    return found;
  }

  /**
   * The profile expects 40 kW here, and 150 steady readings teach the detector a narrow spread: 60
   * kW (+50 %) is a warning, 100 kW (×2.5) critical.
   */
  private LiveDetector warmed(double ratedKw) {
    var detector = new LiveDetector(LiveDetectorTest.seeded(), ratedKw);
    feed(detector, 150, 40.0);
    return detector;
  }

  @Test
  void escalatesAWarningSpikeThatKeepsGrowingAndKeepsItsIdentity() {
    var detector = warmed(200.0);
    var raised = (Finding.Raised) feed(detector, 3, 60.0).get(0);
    assertThat(raised.severity()).isEqualTo(Severity.WARNING);

    List<Finding> worse = feed(detector, 3, 100.0);
    assertThat(worse).singleElement().isInstanceOf(Finding.Escalated.class);
    var escalated = (Finding.Escalated) worse.get(0);
    assertThat(escalated.previous()).isEqualTo(Severity.WARNING);
    assertThat(escalated.update().severity()).isEqualTo(Severity.CRITICAL);
    assertThat(escalated.kind()).isEqualTo(AnomalyKind.SPIKE);
    assertThat(escalated.onset()).isEqualTo(raised.onset());
    assertThat(escalated.update().method()).isEqualTo(raised.method());
    assertThat(escalated.update().actual()).isEqualTo(100.0);
    assertThat(escalated.update().z()).isGreaterThan(DetectionThresholds.DEFAULT.criticalZ());
    assertThat(escalated.update().explanation())
        .startsWith("grew worse, now critical (was warning): power 100.0 kW is ")
        .contains("% above the");
    assertThat(detector.severity(AnomalyKind.SPIKE)).isEqualTo(Severity.CRITICAL);

    // Back to a warning level: no de-escalation, no event; then it resolves as one anomaly.
    assertThat(feed(detector, 6, 60.0)).isEmpty();
    assertThat(detector.severity(AnomalyKind.SPIKE)).isEqualTo(Severity.CRITICAL);
    assertThat(feed(detector, 13, 40.0))
        .singleElement()
        .isInstanceOfSatisfying(
            Finding.Resolved.class, r -> assertThat(r.onset()).isEqualTo(raised.onset()));
    assertThat(detector.severity(AnomalyKind.SPIKE)).isNull();
  }

  @Test
  void aSingleCriticalReadingDoesNotEscalate() {
    var detector = warmed(200.0);
    feed(detector, 3, 60.0);
    assertThat(feed(detector, 1, 100.0)).isEmpty();
    assertThat(feed(detector, 2, 60.0)).isEmpty();
    assertThat(feed(detector, 2, 100.0)).isEmpty();
    assertThat(detector.severity(AnomalyKind.SPIKE)).isEqualTo(Severity.WARNING);
  }

  @Test
  void aCriticalRaiseStaysOneFinding() {
    var detector = warmed(200.0);
    assertThat(feed(detector, 10, 100.0))
        .singleElement()
        .isInstanceOfSatisfying(
            Finding.Raised.class, r -> assertThat(r.severity()).isEqualTo(Severity.CRITICAL));
  }

  @Test
  void escalatesAboveRatedPowerFromWarningToCritical() {
    var detector = warmed(45.0);
    List<Finding> over = feed(detector, 3, 50.0);
    assertThat(over)
        .filteredOn(f -> f.kind() == AnomalyKind.ABOVE_RATED_POWER)
        .singleElement()
        .isInstanceOfSatisfying(
            Finding.Raised.class, r -> assertThat(r.severity()).isEqualTo(Severity.WARNING));

    List<Finding> worse = feed(detector, 3, 60.0);
    assertThat(worse)
        .filteredOn(f -> f.kind() == AnomalyKind.ABOVE_RATED_POWER)
        .singleElement()
        .isInstanceOfSatisfying(
            Finding.Escalated.class,
            e -> {
              assertThat(e.previous()).isEqualTo(Severity.WARNING);
              assertThat(e.update().severity()).isEqualTo(Severity.CRITICAL);
              assertThat(e.update().method()).isEqualTo("rule");
              assertThat(e.update().explanation()).contains("above the machine's rated 45.0 kW");
            });
  }

  @Test
  void escalatesAWarningAdoptedAfterARestart() {
    var detector = warmed(200.0);
    Instant onset = next.minusSeconds(3600);
    detector.adopt(AnomalyKind.SPIKE, onset, "robust_profile", Severity.WARNING);

    List<Finding> worse = feed(detector, 3, 100.0);
    assertThat(worse)
        .singleElement()
        .isInstanceOfSatisfying(
            Finding.Escalated.class,
            e -> {
              assertThat(e.onset()).isEqualTo(onset);
              assertThat(e.previous()).isEqualTo(Severity.WARNING);
              assertThat(e.update().method()).isEqualTo("robust_profile");
            });
  }
}
