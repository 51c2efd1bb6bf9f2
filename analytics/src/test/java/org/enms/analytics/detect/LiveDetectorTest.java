package org.enms.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.enms.analytics.baseline.BaselineModel;
import org.junit.jupiter.api.Test;

class LiveDetectorTest {
  /** A Monday. */
  private static final Instant WEEK = Instant.parse("2025-03-03T00:00:00Z");

  private static final Instant TUESDAY_14 = WEEK.plus(Duration.ofHours(24 + 14));

  /** 40 kW on weekdays 06–22, 5 kW otherwise. */
  static double usual(Instant t) {
    int slot = RobustProfile.slot(t);
    int day = slot / 24;
    int hour = slot % 24;
    return day < 5 && hour >= 6 && hour < 22 ? 40.0 : 5.0;
  }

  /** Four past weeks of hourly averages, each a little different. */
  static RobustProfile seeded() {
    var profile = new RobustProfile();
    var random = new Random(7);
    for (int w = 4; w >= 1; w--) {
      for (int h = 0; h < 168; h++) {
        Instant hour = WEEK.minus(Duration.ofDays(7L * w)).plus(Duration.ofHours(h));
        profile.addHour(hour, usual(hour) * (1 + 0.02 * random.nextGaussian()));
      }
    }
    return profile;
  }

  private final Random noise = new Random(42);

  /** Feeds readings every 10 s from {@code from} for {@code duration}. */
  private List<Finding> feed(
      LiveDetector detector, Instant from, Duration duration, DoubleUnaryOperator shape) {
    List<Finding> found = new ArrayList<>();
    for (Instant t = from; t.isBefore(from.plus(duration)); t = t.plusSeconds(10)) {
      double minutes = Duration.between(from, t).toSeconds() / 60.0;
      double kw = shape.applyAsDouble(minutes) * usual(t) * (1 + 0.03 * noise.nextGaussian());
      found.addAll(detector.onReading(t, kw, "running", Drivers.NONE));
    }
    return found;
  }

  @Test
  void raisesNothingInANormalWeek() {
    var detector = new LiveDetector(seeded(), 55.0);
    assertThat(feed(detector, WEEK, Duration.ofDays(7), m -> 1.0)).isEmpty();
  }

  @Test
  void takesAShiftStartRampingOverMinutesForNeitherADropNorASpike() {
    var detector = new LiveDetector(seeded(), 55.0);
    Instant six = WEEK.plus(Duration.ofHours(24 + 6));
    feed(detector, six.minus(Duration.ofHours(2)), Duration.ofHours(2), m -> 1.0);
    List<Finding> found = new ArrayList<>();
    // From the night's 5 kW to the day's 40 kW over 2 minutes, and back at 22:00.
    for (Instant t = six; t.isBefore(six.plus(Duration.ofHours(17))); t = t.plusSeconds(10)) {
      long up = Duration.between(six, t).toSeconds();
      long down = up - 16 * 3600;
      double kw = usual(t);
      if (up < 120) {
        kw = 5 + 35 * up / 120.0;
      } else if (down >= 0 && down < 120) {
        kw = 40 - 35 * down / 120.0;
      }
      found.addAll(
          detector.onReading(t, kw * (1 + 0.03 * noise.nextGaussian()), "running", Drivers.NONE));
    }
    assertThat(found).isEmpty();
  }

  @Test
  void raisesASpikeAfterItPersistsAndResolvesIt() {
    var detector = new LiveDetector(seeded(), 100.0);
    feed(detector, TUESDAY_14.minus(Duration.ofMinutes(30)), Duration.ofMinutes(30), m -> 1.0);
    List<Finding> spike = feed(detector, TUESDAY_14, Duration.ofMinutes(2), m -> 1.6);

    assertThat(spike).hasSize(1);
    var raised = (Finding.Raised) spike.get(0);
    assertThat(raised.kind()).isEqualTo(AnomalyKind.SPIKE);
    assertThat(raised.severity()).isEqualTo(Severity.WARNING);
    assertThat(raised.method()).isEqualTo("robust_profile");
    assertThat(raised.onset()).isEqualTo(TUESDAY_14);
    assertThat(raised.at()).isEqualTo(TUESDAY_14.plusSeconds(20));
    assertThat(raised.expected()).isBetween(39.0, 41.0);
    assertThat(raised.explanation())
        .startsWith("power ")
        .contains("% above the ")
        .contains("kW expected for Tuesday 14:00 (robust profile)");

    List<Finding> after =
        feed(detector, TUESDAY_14.plusSeconds(120), Duration.ofMinutes(3), m -> 1.0);
    assertThat(after).hasSize(1);
    var resolved = (Finding.Resolved) after.get(0);
    assertThat(resolved.kind()).isEqualTo(AnomalyKind.SPIKE);
    assertThat(resolved.onset()).isEqualTo(TUESDAY_14);
    assertThat(resolved.method()).isEqualTo("robust_profile");
  }

  @Test
  void ignoresASingleWildReading() {
    var detector = new LiveDetector(seeded(), 100.0);
    feed(detector, TUESDAY_14, Duration.ofMinutes(5), m -> 1.0);
    assertThat(detector.onReading(TUESDAY_14.plusSeconds(300), 80, "running", Drivers.NONE))
        .isEmpty();
    assertThat(feed(detector, TUESDAY_14.plusSeconds(310), Duration.ofMinutes(5), m -> 1.0))
        .isEmpty();
  }

  @Test
  void raisesAFullDropAsCritical() {
    var detector = new LiveDetector(seeded(), 100.0);
    List<Finding> drop = feed(detector, TUESDAY_14, Duration.ofMinutes(2), m -> 0.0);
    assertThat(drop).hasSize(1);
    var raised = (Finding.Raised) drop.get(0);
    assertThat(raised.kind()).isEqualTo(AnomalyKind.DROP);
    assertThat(raised.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(raised.explanation()).contains("100 % below the");
    assertThat(feed(detector, TUESDAY_14.plusSeconds(120), Duration.ofMinutes(3), m -> 1.0))
        .singleElement()
        .isInstanceOf(Finding.Resolved.class);
  }

  @Test
  void raisesAGrossSpikeOnACyclingMachineAsCriticalDespiteItsWideSpread() {
    var detector = new LiveDetector(seeded(), 0.0);
    // Two hours of load/unload cycles, far from the hour's mean either way: a wide learned spread.
    Instant t = TUESDAY_14.minus(Duration.ofHours(2));
    for (int i = 0; i < 720; i++, t = t.plusSeconds(10)) {
      boolean loaded = i % 3 != 0;
      double kw = usual(t) * (loaded ? 1.3 : 0.35) * (1 + 0.03 * noise.nextGaussian());
      assertThat(detector.onReading(t, kw, loaded ? "running" : "idle", Drivers.NONE)).isEmpty();
    }

    List<Finding> spike = feed(detector, TUESDAY_14, Duration.ofMinutes(1), m -> 5.0);

    assertThat(spike)
        .first()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(AnomalyKind.SPIKE);
              assertThat(((Finding.Raised) f).severity()).isEqualTo(Severity.CRITICAL);
            });
  }

  @Test
  void raisesALoadedCompressorCutToAFifthAsACriticalDropThoughItsModeLagsOneReading() {
    // A load/unload compressor reporting every second, with no history: loaded for 40 s at about
    // 47 kW, unloaded for 20 s at about 14 kW. Each reading is judged in the mode reported before
    // it, so the first reading after every change carries the other mode.
    var detector = new LiveDetector(new RobustProfile(), 55.0);
    Instant t = TUESDAY_14.minus(Duration.ofMinutes(45));
    String modeBefore = "running";
    for (int i = 0; i < 45 * 60; i++, t = t.plusSeconds(1)) {
      boolean loaded = i % 60 < 40;
      double kw = (loaded ? 47.0 : 14.0) * (1 + 0.03 * noise.nextGaussian());
      assertThat(detector.onReading(t, kw, modeBefore, Drivers.NONE)).isEmpty();
      modeBefore = loaded ? "running" : "idle";
    }

    // The whole drop falls in a loaded phase: a fifth of 47 kW is near the 14 kW unloaded level.
    List<Finding> drop = new ArrayList<>();
    for (int i = 0; i < 35; i++, t = t.plusSeconds(1)) {
      drop.addAll(
          detector.onReading(
              t, 47.0 / 5 * (1 + 0.03 * noise.nextGaussian()), "running", Drivers.NONE));
    }

    assertThat(drop)
        .singleElement()
        .satisfies(
            f -> {
              var raised = (Finding.Raised) f;
              assertThat(raised.kind()).isEqualTo(AnomalyKind.DROP);
              assertThat(raised.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(raised.explanation())
                  .contains("% below the ")
                  .containsPattern(
                      "; 2\\d % of the least it draws when running \\(4\\d\\.\\d kW\\)");
            });
  }

  @Test
  void findsASlowDriftWithinFifteenMinutesOfItReachingOneSigma() {
    var detector = new LiveDetector(seeded(), 100.0);
    // Three hours teach the spread of 5-minute means (here at its 4 % floor).
    feed(detector, TUESDAY_14.minus(Duration.ofHours(3)), Duration.ofHours(3), m -> 1.0);
    // +0.4 % a minute: one σ (4 %) after 10 minutes, never a spike within the hour.
    List<Finding> found = feed(detector, TUESDAY_14, Duration.ofMinutes(55), m -> 1 + 0.004 * m);
    assertThat(found).singleElement().isInstanceOf(Finding.Raised.class);
    var raised = (Finding.Raised) found.get(0);
    assertThat(raised.kind()).isEqualTo(AnomalyKind.DRIFT);
    assertThat(raised.method()).isEqualTo("cusum");
    assertThat(raised.severity()).isEqualTo(Severity.WARNING);
    assertThat(raised.explanation()).contains("drifted above");
    assertThat(raised.at()).isBefore(TUESDAY_14.plus(Duration.ofMinutes(40)));

    List<Finding> back =
        feed(detector, TUESDAY_14.plus(Duration.ofMinutes(55)), Duration.ofMinutes(10), m -> 1.0);
    assertThat(back).singleElement().isInstanceOf(Finding.Resolved.class);
    assertThat(back.get(0).kind()).isEqualTo(AnomalyKind.DRIFT);
  }

  @Test
  void appliesTheRulesForRatedPowerAndPowerWhileStopped() {
    var detector = new LiveDetector(seeded(), 45.0);
    List<Finding> found = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      found.addAll(detector.onReading(TUESDAY_14.plusSeconds(10 * i), 60, "running", Drivers.NONE));
    }
    assertThat(found).extracting(Finding::kind).contains(AnomalyKind.ABOVE_RATED_POWER);
    var rated =
        found.stream().filter(f -> f.kind() == AnomalyKind.ABOVE_RATED_POWER).findFirst().get();
    assertThat(((Finding.Raised) rated).severity()).isEqualTo(Severity.CRITICAL);
    assertThat(((Finding.Raised) rated).explanation())
        .contains("above the machine's rated 45.0 kW");

    var other = new LiveDetector(seeded(), 100.0);
    List<Finding> stopped = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      stopped.addAll(other.onReading(TUESDAY_14.plusSeconds(10 * i), 39, "stopped", Drivers.NONE));
    }
    assertThat(stopped).extracting(Finding::kind).containsExactly(AnomalyKind.POWER_WHILE_STOPPED);
  }

  @Test
  void raisesSilenceOnceAndResolvesItWithTheNextReading() {
    var detector = new LiveDetector(seeded(), 100.0);
    detector.onReading(TUESDAY_14, 40, "running", Drivers.NONE);
    Instant later = TUESDAY_14.plusSeconds(70);
    var silence = detector.onSilence(later, TUESDAY_14, 40, Duration.ofSeconds(10));
    assertThat(silence).singleElement().extracting(Finding::kind).isEqualTo(AnomalyKind.SILENT);
    assertThat(((Finding.Raised) silence.get(0)).explanation()).startsWith("no reading for 70 s");
    assertThat(detector.onSilence(later.plusSeconds(60), TUESDAY_14, 40, Duration.ofSeconds(10)))
        .isEmpty();
    // The resolution names the raised anomaly: same onset (the last reading), same row.
    assertThat(detector.onReading(later.plusSeconds(90), 40, "running", Drivers.NONE))
        .singleElement()
        .isInstanceOf(Finding.Resolved.class)
        .extracting(Finding::onset)
        .isEqualTo(silence.get(0).onset())
        .isEqualTo(TUESDAY_14);
  }

  @Test
  void prefersTheBaselineAndFallsBackToTheProfileWhenADriverIsMissing() {
    var detector = new LiveDetector(seeded(), 100.0);
    var model = new BaselineModel(Map.of("total_production_count", 0.1), 20.0, 1.0, Map.of());
    detector.useBaseline(model);

    var withDrivers = detector.expected(TUESDAY_14, new Drivers(300.0, null));
    assertThat(withDrivers.source()).isEqualTo(Expectation.Source.BASELINE);
    assertThat(withDrivers.kw()).isEqualTo(50.0);

    var without = detector.expected(TUESDAY_14, Drivers.NONE);
    assertThat(without.source()).isEqualTo(Expectation.Source.TIME_OF_WEEK);
    assertThat(without.describe(TUESDAY_14))
        .isEqualTo(
            "Tuesday 14:00 (robust profile); the baseline needs total production count, not"
                + " known now");
  }
}
