package org.enms.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.enms.analytics.baseline.BaselineModel;
import org.enms.analytics.baseline.BaselineTrainer;
import org.enms.analytics.baseline.Features;
import org.enms.analytics.baseline.HourlySample;
import org.enms.analytics.baseline.ModelType;
import org.enms.analytics.baseline.TrainingSpec;
import org.enms.analytics.detect.RobustProfile;

/**
 * What the scoring benchmarks score against: a machine's robust profile seeded from four weeks of
 * hourly averages, and baselines trained as the node trains them on eight weeks of a weekly pattern
 * that follows the weather.
 */
final class ScoringFixtures {
  /** A Monday; readings start here, history lies before it. */
  static final Instant START = Instant.parse("2025-03-03T00:00:00Z");

  private static final int HISTORY_HOURS = 8 * 168;

  private ScoringFixtures() {}

  /** 40 kW on weekday days, 8 kW otherwise, a little heating demand below 13 °C. */
  static double usualKw(Instant t, double outdoorC) {
    var z = t.atZone(java.time.ZoneOffset.UTC);
    boolean working = z.getDayOfWeek().getValue() <= 5 && z.getHour() >= 6 && z.getHour() < 22;
    return (working ? 40 : 8) + 0.8 * Math.max(0, 13 - outdoorC);
  }

  /** Outdoor °C around 8 with a daily swing, the same through each hour. */
  static double outdoorC(Instant t) {
    return 8 + 5 * Math.sin(2 * Math.PI * (t.getEpochSecond() / 3600) / 24.0);
  }

  static RobustProfile profile(Random random) {
    var profile = new RobustProfile();
    for (int h = 4 * 168; h >= 1; h--) {
      Instant hour = START.minus(Duration.ofHours(h));
      profile.addHour(hour, usualKw(hour, outdoorC(hour)) * (1 + 0.02 * random.nextGaussian()));
    }
    return profile;
  }

  /** A time-of-week ({@code tow}) or time-of-week-and-temperature ({@code towt}) baseline. */
  static BaselineModel baseline(ModelType type, Random random) {
    List<HourlySample> history = new ArrayList<>(HISTORY_HOURS);
    for (int h = HISTORY_HOURS; h >= 1; h--) {
      Instant hour = START.minus(Duration.ofHours(h));
      double t = outdoorC(hour) + 0.5 * random.nextGaussian();
      history.add(
          new HourlySample(
              hour,
              usualKw(hour, t) * (1 + 0.02 * random.nextGaussian()),
              Map.of(Features.OUTDOOR_TEMP, t)));
    }
    return new BaselineTrainer()
        .train(
            history,
            new TrainingSpec(List.of(), type, null),
            START.minus(Duration.ofHours(HISTORY_HOURS)),
            START)
        .model();
  }

  /**
   * A regression on production, {@link #PRODUCTION_KW} at {@code units}: the case whose drivers
   * change with every reading.
   */
  static BaselineModel onProduction() {
    return new BaselineModel(Map.of(Features.PRODUCTION, 0.1), 20.0, 1.5, Map.of());
  }

  /** What {@link #onProduction()} expects for {@code units} in the last hour, kW. */
  static double productionKw(double units) {
    return 20 + 0.1 * units;
  }
}
