package org.enms.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.Callable;
import org.enms.analytics.detect.Drivers;
import org.enms.analytics.detect.LiveDetector;
import org.enms.analytics.detect.RobustProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The cost of scoring one reading in a machine entity: {@link LiveDetector#onReading} against a
 * seeded profile, as the entity calls it. A warm-up then timed rounds over many detectors (so the
 * data is not all in L1), printing ns per reading. A plain loop rather than JMH, to keep the bench
 * module's build unchanged; the figure is a wall-clock mean including the rare minute/hour roll.
 */
@Command(name = "scoring", description = "Cost of scoring one reading (live anomaly detection).")
final class ScoringBench implements Callable<Integer> {
  @Option(names = "--machines", defaultValue = "1000", description = "detectors scored in turn")
  int machines;

  @Option(names = "--readings", defaultValue = "2000", description = "readings per detector")
  int readings;

  @Option(names = "--rounds", defaultValue = "5", description = "timed rounds after warm-up")
  int rounds;

  @Override
  public Integer call() {
    Instant start = Instant.parse("2025-03-03T00:00:00Z");
    var random = new Random(1);
    var detectors = new LiveDetector[machines];
    for (int m = 0; m < machines; m++) {
      var profile = new RobustProfile();
      for (int h = 1; h <= 4 * 168; h++) {
        profile.addHour(start.minus(Duration.ofHours(h)), 40 + random.nextGaussian());
      }
      detectors[m] = new LiveDetector(profile, 100);
    }
    double[] noise = new double[4096];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = 40 * (1 + 0.03 * random.nextGaussian());
    }
    long findings = 0;
    int offset = 0;
    for (int round = -2; round < rounds; round++) {
      long t0 = System.nanoTime();
      for (int r = 0; r < readings; r++) {
        Instant t = start.plusSeconds(10L * (offset + r));
        for (int m = 0; m < machines; m++) {
          findings +=
              detectors[m].onReading(t, noise[(r + m) & 4095], "running", Drivers.NONE).size();
        }
      }
      long elapsed = System.nanoTime() - t0;
      offset += readings;
      System.out.printf(
          "%s round %d: %.0f ns/reading%n",
          round < 0 ? "warm-up" : "timed", round, elapsed / (double) ((long) readings * machines));
    }
    System.out.println("findings (should be ~0 on normal data): " + findings);
    return 0;
  }
}
