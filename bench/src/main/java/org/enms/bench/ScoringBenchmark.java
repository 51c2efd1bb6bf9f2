package org.enms.bench;

import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.enms.analytics.MachineState;
import org.enms.analytics.baseline.BaselineModel;
import org.enms.analytics.baseline.Features;
import org.enms.analytics.baseline.ModelType;
import org.enms.analytics.detect.BaselineExpectation;
import org.enms.analytics.detect.Drivers;
import org.enms.analytics.detect.LiveDetector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of scoring one reading as a machine entity's live detection does: the drivers worked out
 * (from the entity's last-hour window) when the baseline uses them, then {@link
 * LiveDetector#onReading}. Readings go round {@value #MACHINES} machines, each every 10 s of
 * simulated time, so detectors are not all in cache and hours, minutes and the profile roll as they
 * do live (a 5-s measurement covers about a day). {@code reference}: the robust profile only, a
 * time-of-week baseline, one with temperature (a new temperature with every reading, the worst case
 * for the cache), or a regression on production (new drivers with every reading).
 *
 * <p>{@link #expectationFromScratch} is the time-of-week expectation evaluated from scratch, as
 * every reading was before it was cached: the figure the cache is measured against.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScoringBenchmark {
  static final int MACHINES = 1_000;

  @Param({"profile", "tow", "towt", "production"})
  public String reference;

  private LiveDetector[] detectors;
  private MachineState[] states;
  private double[] noise;
  private BaselineModel model;
  private boolean onProduction;
  private final String[] missing = new String[1];
  private long step;
  private int machine;

  @Setup(Level.Trial)
  public void setUp() {
    var random = new Random(1);
    model =
        switch (reference) {
          case "profile" -> null;
          case "tow" -> ScoringFixtures.baseline(ModelType.TOW, random);
          case "towt" -> ScoringFixtures.baseline(ModelType.TOWT, random);
          case "production" -> ScoringFixtures.onProduction();
          default -> throw new IllegalArgumentException("reference " + reference);
        };
    onProduction = model != null && model.coefficients().containsKey(Features.PRODUCTION);
    detectors = new LiveDetector[MACHINES];
    states = new MachineState[MACHINES];
    for (int m = 0; m < MACHINES; m++) {
      detectors[m] = new LiveDetector(ScoringFixtures.profile(random), 100);
      detectors[m].useBaseline(model);
      states[m] = new MachineState(ScoringFixtures.START);
    }
    noise = new double[4096];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = 1 + 0.03 * random.nextGaussian();
    }
  }

  /** One reading of the next machine; every machine once per 10 s of simulated time. */
  @Benchmark
  public int scoreOneReading() {
    int m = machine;
    long s = step;
    if (++machine == MACHINES) {
      machine = 0;
      step++;
    }
    Instant t = ScoringFixtures.START.plusSeconds(10 * s);
    double outdoor = ScoringFixtures.outdoorC(t);
    double n = noise[(int) ((s + m) & 4095)];
    LiveDetector detector = detectors[m];
    if (!detector.wantsDrivers()) {
      return detector
          .onReading(t, ScoringFixtures.usualKw(t, outdoor) * n, "running", Drivers.NONE)
          .size();
    }
    // A new temperature with every reading, as the simulator's machines report one.
    double reported = outdoor + 0.01 * (s & 63);
    // As the entity: production from its last-hour window (here empty, plus a varying count).
    double units = states[m].lastHour(t).productionUnits() + 100 + (s & 7);
    double kw =
        onProduction ? ScoringFixtures.productionKw(units) : ScoringFixtures.usualKw(t, outdoor);
    return detector.onReading(t, kw * n, "running", new Drivers(units, reported)).size();
  }

  /** The baseline's expectation for one reading, evaluated from scratch (no cache). */
  @Benchmark
  public double expectationFromScratch() {
    if (model == null) {
      return 0;
    }
    long s = step++;
    Instant t = ScoringFixtures.START.plusSeconds(10 * s);
    return BaselineExpectation.fromScratch(
        model, t, new Drivers(100.0 + (s & 7), ScoringFixtures.outdoorC(t)), missing);
  }
}
