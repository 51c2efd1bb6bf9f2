package org.enms.analytics.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.enms.analytics.StatusClassifier;
import org.enms.analytics.baseline.BaselineModel;

/**
 * Scores one machine's readings of one energy carrier as they arrive and says when an anomaly
 * starts, grows worse or ends (electricity, or with {@link #forCarrier} natural gas or steam).
 * Signals: the standardised residual against the expected power (the active baseline when its
 * drivers are known, else the {@link RobustProfile}), a {@link PageCusum} on per-minute mean
 * residuals for drift, and rules (above rated power, power while reported stopped, silence). Each
 * kind has its own {@link Debounce}.
 *
 * <p>Thresholds come from {@link DetectionThresholds} (by default: a spike or drop is |z| ≥ 4 and
 * normal again below 3, critical from 8; raised after 3 readings or 30 s, resolved after 6 normal
 * readings or 60 s). The minutes a spike or drop is pending or active are kept out of the
 * short-term reference and the CUSUM, so a spike neither becomes normal nor reads as drift.
 *
 * <p>Also feeds the profile: each complete minute and hour of readings is added to it. Not
 * thread-safe; one per machine entity and carrier.
 */
public final class LiveDetector {
  private static final long MINUTE_MS = 60_000;
  private static final long HOUR_MS = 3_600_000;

  /** The drift CUSUM adds one block mean of this length: long enough to span a machine's cycles. */
  static final long BLOCK_MS = 5 * MINUTE_MS;

  /** A spike is at least +45 % of expected (spikes that matter are +60 % or more)… */
  static final double MIN_SPIKE_LN = Math.log(1.45);

  /** …and a drop at most 55 % of it, however narrow the spread: a +30 % drift is neither. */
  static final double MIN_DROP_LN = -Math.log(0.55);

  /** Four times, or a quarter of, expected is critical however wide the machine's spread. */
  static final double GROSS_LN = Math.log(4.0);

  /** A reading within ±25 % of expected counts as normal whatever the spread. */
  static final double NORMAL_LN = Math.log(1.25);

  /** Readings whose residual spread is learned before it replaces its prior entirely. */
  private static final int SPREAD_MEMORY = 2_000;

  /** Spikes and drops are also judged on the mean of the readings of this long (noisy machines). */
  static final long WINDOW_MS = 30_000;

  /** Readings before the learned residual spread is trusted (machine-wide, and per hour)… */
  private static final int SPREAD_WARM_UP = 120;

  /** …and the spread assumed until then, ln units. */
  private static final double WARM_UP_SIGMA = 0.35;

  /** Block means learned before the CUSUM may raise a drift (3 h). */
  private static final int MIN_BLOCKS = 36;

  /** Block means an hour of the day learns before its own spread replaces the machine's. */
  private static final int HOUR_BLOCKS = 12;

  /**
   * For this long after the hour, the previous hour's expectation counts as much as the new one's:
   * a machine changing shift ramps over a minute or two, and its readings between the two levels
   * are neither a drop nor a spike.
   */
  static final long EDGE_MS = 5 * MINUTE_MS;

  private final RobustProfile profile;
  private final double ratedKw;
  private final DetectionThresholds limits;

  /** Whether the power-while-stopped rule applies: electricity only. */
  private final boolean electric;

  private BaselineModel baseline;

  /** The baseline's expectation, with what it caches; null without a baseline. */
  private BaselineExpectation expectation;

  private final LevelMemory levels;

  /**
   * The nearest level of its mode to the reading being scored, kW, when that reading is at a level
   * never seen in the mode ({@link #modeOfLevel}); NaN otherwise.
   */
  private double modeLevelKw = Double.NaN;

  private String modeOfLevel;
  private final UnconfirmedReading unconfirmed = new UnconfirmedReading();
  private final HourlySpreads readingSpread =
      new HourlySpreads(0.15, 0.03, SPREAD_MEMORY, SPREAD_WARM_UP, 20);
  private final HourlySpreads windowSpread =
      new HourlySpreads(0.15, 0.02, SPREAD_MEMORY, SPREAD_WARM_UP, 20);
  private final RecentWindow window = new RecentWindow(WINDOW_MS);

  // A new hour's first blocks may already be a drift's: the machine-wide spread weighs as much as
  // its own warm-up in the hour's, so that they widen it no faster than they widen the machine's.
  private final HourlySpreads blockSpread =
      new HourlySpreads(0.10, 0.04, 500, HOUR_BLOCKS, MIN_BLOCKS);

  /** The reading spread that applies to the reading being scored, ln units. */
  private double sigmaNow = 0.15;

  /** The expected power of the last reading scored, kW, and of the hour before the current one. */
  private double lastExpectedKw = Double.NaN;

  private double edgeFromKw = Double.NaN;

  /** The {@link HourlySpreads} context of the hour being accumulated. */
  private int context;

  /** Added to power and expectation before their log ratio, kW: keeps ln finite near 0 kW. */
  private final double lnOffsetKw;

  private final PageCusum cusum;
  private final Debounce spike;
  private final Debounce drop;
  private final Debounce drift;
  private final Debounce aboveRated;
  private final Debounce whileStopped;
  private final Debounce silent = Debounce.immediate();
  private final String[] methods = new String[AnomalyKind.values().length];

  /** The severity of each open anomaly, by kind; null while none is open. */
  private final Severity[] severities = new Severity[AnomalyKind.values().length];

  // Whether an open warning has been beyond the critical level long enough to escalate.
  private final Debounce spikeWorse;
  private final Debounce dropWorse;
  private final Debounce ratedWorse;

  // The minute and hour being accumulated, as epoch minute/hour; -1 before the first reading.
  private long minute = -1;
  private double minuteSumKw;
  private int minuteCount;
  private long block = -1;
  private double blockSumKw;
  private double blockSumExpectedKw;
  private int blockCount;
  private long hour = -1;
  private double hourSumKw;
  private int hourCount;
  private Instant latest;

  /**
   * @param profile the machine's profile, seeded from its history
   * @param ratedKw nameplate power, kW; 0 or less when unknown (the rule is then off)
   */
  public LiveDetector(RobustProfile profile, double ratedKw) {
    this(profile, ratedKw, DetectionThresholds.DEFAULT);
  }

  /**
   * @param profile the machine's profile, seeded from its history
   * @param ratedKw nameplate power, kW; 0 or less when unknown (the rule is then off)
   * @param limits the thresholds, from the entity's settings
   */
  public LiveDetector(RobustProfile profile, double ratedKw, DetectionThresholds limits) {
    this(profile, ratedKw, limits, true);
  }

  /**
   * A detector for a carrier other than electricity (a boiler's natural gas or steam, as
   * kWh-equivalent per hour): the residual and drift signals only, as the rules (rated power, power
   * while stopped) are about electric power.
   */
  public static LiveDetector forCarrier(RobustProfile profile, DetectionThresholds limits) {
    return new LiveDetector(profile, 0, limits, false);
  }

  private LiveDetector(
      RobustProfile profile, double ratedKw, DetectionThresholds limits, boolean electric) {
    this.profile = profile;
    this.ratedKw = ratedKw;
    this.limits = limits;
    this.electric = electric;
    this.levels = new LevelMemory(ratedKw);
    this.lnOffsetKw = Math.max(0.1, 0.005 * ratedKw);
    this.cusum = limits.cusum();
    this.spike = limits.debounce().create();
    this.drop = limits.debounce().create();
    this.drift =
        new Debounce(
            1,
            Duration.ZERO,
            (int) Math.max(1, limits.driftResolveMinutes() * MINUTE_MS / BLOCK_MS),
            Duration.ofMinutes(limits.driftResolveMinutes()));
    this.aboveRated = limits.debounce().create();
    this.whileStopped = limits.debounce().create();
    this.spikeWorse = limits.debounce().create();
    this.dropWorse = limits.debounce().create();
    this.ratedWorse = limits.debounce().create();
  }

  public RobustProfile profile() {
    return profile;
  }

  /**
   * Uses {@code model} (the active electricity baseline, or null for none) from the next reading
   * on. The CUSUM restarts, as its residuals were relative to the old reference.
   */
  public void useBaseline(BaselineModel model) {
    this.baseline = model;
    this.expectation = model == null ? null : new BaselineExpectation(model);
    cusum.reset();
  }

  public BaselineModel baseline() {
    return baseline;
  }

  /** True when the caller should pass {@link Drivers} (the baseline uses them). */
  public boolean wantsDrivers() {
    return expectation != null && expectation.usesDrivers();
  }

  /**
   * Takes up an anomaly still open from before a restart, so that it is resolved when it ends (and
   * escalated if it grows worse than {@code severity}).
   */
  public void adopt(AnomalyKind kind, Instant onset, String method, Severity severity) {
    debounce(kind).adopt(onset);
    methods[kind.ordinal()] = method;
    severities[kind.ordinal()] = severity;
  }

  /** The severity of the open anomaly of {@code kind}; null when none is open. */
  public Severity severity(AnomalyKind kind) {
    return severities[kind.ordinal()];
  }

  /** Whether an anomaly of {@code kind} is raised and not yet resolved. */
  public boolean isActive(AnomalyKind kind) {
    return debounce(kind).isActive();
  }

  /** The expected power at {@code time}, or null when nothing is known yet. */
  public Expectation expected(Instant time, Drivers drivers) {
    Expectation fromProfile = profile.expected(time);
    if (baseline == null) {
      return fromProfile;
    }
    double kw = expectation.expectedKw(time, drivers);
    if (Double.isNaN(kw)) {
      String note =
          "the baseline needs " + expectation.missing().replace('_', ' ') + ", not known now";
      return fromProfile == null
          ? null
          : new Expectation(fromProfile.kw(), fromProfile.sigmaKw(), fromProfile.source(), note);
    }
    double sigma = RobustProfile.Floor.DEFAULT.apply(kw, baseline.residualStd());
    if (fromProfile != null) {
      sigma = Math.max(sigma, fromProfile.sigmaKw());
    }
    return new Expectation(kw, sigma, Expectation.Source.BASELINE, null);
  }

  /**
   * Scores one reading; readings must come in time order (older ones are ignored).
   *
   * @param operatingMode the mode last reported by the machine, or null
   * @return what was raised, escalated or resolved; usually empty
   */
  public List<Finding> onReading(
      Instant time, double powerKw, String operatingMode, Drivers drivers) {
    if (latest != null && !time.isAfter(latest)) {
      return List.of();
    }
    latest = time;
    LevelMemory.Verdict confirmed = unconfirmed.confirm(operatingMode, levels);
    List<Finding> out = null;
    out = roll(time, out);

    out = resolveSilence(time, out);

    Expectation e = expected(time, drivers);
    // Judged against the band between the previous hour's and this hour's expectation while the
    // hour is young, else against this hour's alone.
    double bandLo = Double.NaN;
    double bandHi = Double.NaN;
    if (e != null) {
      lastExpectedKw = e.kw();
      boolean edge =
          Math.floorMod(time.toEpochMilli(), HOUR_MS) < EDGE_MS && !Double.isNaN(edgeFromKw);
      bandLo = edge ? Math.min(edgeFromKw, e.kw()) : e.kw();
      bandHi = edge ? Math.max(edgeFromKw, e.kw()) : e.kw();
      e = nearestInBand(e, powerKw, bandLo, bandHi);
    }
    LevelMemory.Verdict level = levels.judge(operatingMode, powerKw);
    double r = e == null ? Double.NaN : logRatio(powerKw, e.kw());
    // A level never seen but right where the profile expects it is a new regime (a first day shift
    // after a restart), not an anomaly: it is learned instead.
    boolean asExpected = Math.abs(r) < NORMAL_LN;
    if (asExpected
        && (level == LevelMemory.Verdict.NEW_HIGH || level == LevelMemory.Verdict.NEW_LOW)) {
      level = LevelMemory.Verdict.UNKNOWN;
    }
    // A level new to this mode that another mode draws may be the first reading of a change of
    // mode, judged in the mode before it: it counts once the next report confirms the mode.
    LevelMemory.Verdict deferred = null;
    if ((level == LevelMemory.Verdict.NEW_HIGH || level == LevelMemory.Verdict.NEW_LOW)
        && levels.drawnInAnotherMode(operatingMode, powerKw)) {
      deferred = level;
      level = LevelMemory.Verdict.UNSURE;
    }
    double sigma = readingSpread.sigma(context);
    sigmaNow = sigma;
    if (readingSpread.learned() < SPREAD_WARM_UP) {
      // Until the spread is learned, only a gross deviation counts (×4, or a quarter).
      sigma = Math.max(sigma, WARM_UP_SIGMA);
    }
    boolean rated = ratedKw > 0 && powerKw > limits.aboveRatedRaise() * ratedKw;
    boolean high =
        level == LevelMemory.Verdict.NEW_HIGH
            || confirmed == LevelMemory.Verdict.NEW_HIGH
            || r > Math.max(limits.warningZ() * sigma, MIN_SPIKE_LN);
    boolean low =
        level == LevelMemory.Verdict.NEW_LOW
            || confirmed == LevelMemory.Verdict.NEW_LOW
            || r < -Math.max(limits.warningZ() * sigma, MIN_DROP_LN);
    // The last half minute's mean: a steady but noisy machine hides a spike in single readings.
    window.add(time, powerKw);
    double rw =
        e == null || window.count() < 2
            ? Double.NaN
            : logRatio(window.mean(), clamp(window.mean(), bandLo, bandHi));
    double sigmaW =
        readingSpread.learned() < SPREAD_WARM_UP
            ? Math.max(windowSpread.sigma(context), WARM_UP_SIGMA)
            : windowSpread.sigma(context);
    boolean windowHigh = rw > Math.max(limits.warningZ() * sigmaW, MIN_SPIKE_LN);
    boolean windowLow = rw < -Math.max(limits.warningZ() * sigmaW, MIN_DROP_LN);
    high |= windowHigh;
    low |= windowLow;
    boolean residualNormal =
        e == null || Math.abs(r) < Math.max(limits.normalZ() * sigma, NORMAL_LN);
    boolean normal =
        !high
            && !low
            && (level == LevelMemory.Verdict.NORMAL
                || (level == LevelMemory.Verdict.UNKNOWN && residualNormal));
    modeLevelKw = Double.NaN;
    if (high || low) {
      e = explaining(e, operatingMode, powerKw, sigma);
      if (level == LevelMemory.Verdict.NEW_HIGH || level == LevelMemory.Verdict.NEW_LOW) {
        modeLevelKw = levels.nearestLevel(operatingMode, powerKw);
        modeOfLevel = operatingMode;
      } else if (confirmed != null) {
        modeLevelKw = unconfirmed.levelKw();
        modeOfLevel = operatingMode;
      }
    }
    out = judge(spike, AnomalyKind.SPIKE, time, high, normal || low, powerKw, e, drivers, out);
    out = judge(drop, AnomalyKind.DROP, time, low, normal || high, powerKw, e, drivers, out);
    if (e != null) {
      out =
          escalate(
              spike,
              spikeWorse,
              AnomalyKind.SPIKE,
              time,
              critical(powerKw, e) || grossAgainstModeLevel(powerKw),
              powerKw,
              e,
              drivers,
              out);
      out =
          escalate(
              drop,
              dropWorse,
              AnomalyKind.DROP,
              time,
              critical(powerKw, e) || grossAgainstModeLevel(powerKw),
              powerKw,
              e,
              drivers,
              out);
    }
    boolean quiet =
        spike.phase() == Debounce.Phase.NORMAL && drop.phase() == Debounce.Phase.NORMAL && !rated;
    boolean usual =
        !rated && level != LevelMemory.Verdict.NEW_HIGH && level != LevelMemory.Verdict.NEW_LOW;
    boolean learn = usual && !drift.isActive() && (quiet || level == LevelMemory.Verdict.UNKNOWN);
    if (learn) {
      // Learnt even when the residual alone looks out of line: the spread must reach a cycling
      // machine's real swing, or its own normal readings would keep it narrow.
      readingSpread.learn(context, r);
      windowSpread.learn(context, rw);
    } else if (!rated
        && readingSpread.warmingUp(context)
        && !windowHigh
        && !windowLow
        && !spike.isActive()
        && !drop.isActive()) {
      // An hour seen for the first time learns its spread also from single readings that look
      // suspect, as long as the half minute's mean does not: were they held back, an hour whose
      // readings scatter widely around a usual mean (a chiller's weekend night) would stay judged
      // by the machine's calm hours. A sustained shift moves the mean and is not learned.
      readingSpread.learn(context, r);
      windowSpread.learn(context, rw);
    }
    unconfirmed.hold(
        operatingMode,
        powerKw,
        learn,
        deferred,
        deferred == null ? Double.NaN : levels.nearestLevel(operatingMode, powerKw));
    if (quiet && !high && !low) {
      minuteSumKw += powerKw;
      minuteCount++;
      if (e != null) {
        blockSumKw += powerKw;
        blockSumExpectedKw += e.kw();
        blockCount++;
      }
    }
    hourSumKw += powerKw;
    hourCount++;

    if (ratedKw > 0) {
      var over =
          aboveRated.observe(
              time,
              powerKw > limits.aboveRatedRaise() * ratedKw,
              powerKw <= limits.aboveRatedResolve() * ratedKw);
      if (over == Debounce.Change.RAISED) {
        var raised = aboveRated(time, powerKw);
        severities[AnomalyKind.ABOVE_RATED_POWER.ordinal()] = raised.severity();
        ratedWorse.reset();
        out = add(out, raised);
      } else if (over == Debounce.Change.RESOLVED) {
        out = add(out, resolved(AnomalyKind.ABOVE_RATED_POWER, time, powerKw));
      } else if (worse(
          aboveRated,
          ratedWorse,
          AnomalyKind.ABOVE_RATED_POWER,
          time,
          powerKw > limits.aboveRatedCritical() * ratedKw)) {
        out = add(out, escalated(aboveRated(time, powerKw)));
      }
    }

    if (!electric) {
      return out == null ? List.of() : out;
    }
    boolean stopped = isStopped(operatingMode);
    var change =
        whileStopped.observe(
            time,
            stopped && powerKw > limits.stoppedRaiseKw(),
            !stopped || powerKw <= limits.stoppedResolveKw());
    if (change == Debounce.Change.RAISED) {
      out = add(out, whileStopped(time, powerKw, operatingMode));
    } else if (change == Debounce.Change.RESOLVED) {
      out = add(out, resolved(AnomalyKind.POWER_WHILE_STOPPED, time, powerKw));
    }
    return out == null ? List.of() : out;
  }

  /**
   * Called by the entity's silence timer: no reading since {@code last} (power {@code lastKw}), now
   * {@code now}, where {@code expectedEvery} is the machine's reporting interval.
   */
  public List<Finding> onSilence(Instant now, Instant last, double lastKw, Duration expectedEvery) {
    if (silent.observe(now, true, false) != Debounce.Change.RAISED) {
      return List.of();
    }
    // The silence began with the last reading: that is its onset, for the row and its resolution.
    silent.adopt(last);
    double seconds = Duration.between(last, now).toMillis() / 1000.0;
    double interval = expectedEvery.toMillis() / 1000.0;
    Severity severity =
        lastKw > StatusClassifier.RUNNING_ABOVE_KW ? Severity.WARNING : Severity.INFO;
    String explanation =
        String.format(
            Locale.ROOT,
            "no reading for %.0f s from a machine that reports every %.0f s; it last drew %.1f kW"
                + " at %s",
            seconds,
            interval,
            lastKw,
            last);
    methods[AnomalyKind.SILENT.ordinal()] = "rule";
    severities[AnomalyKind.SILENT.ordinal()] = severity;
    return List.of(
        new Finding.Raised(
            AnomalyKind.SILENT,
            last,
            now,
            severity,
            "seconds_since_reading",
            seconds,
            interval,
            interval > 0 ? (seconds - interval) / interval * 100 : 0,
            0,
            "rule",
            explanation));
  }

  private List<Finding> resolveSilence(Instant time, List<Finding> out) {
    if (silent.isActive() && silent.observe(time, false, true) == Debounce.Change.RESOLVED) {
      severities[AnomalyKind.SILENT.ordinal()] = null;
      return add(
          out,
          new Finding.Resolved(
              AnomalyKind.SILENT,
              silent.onset(),
              time,
              methods[AnomalyKind.SILENT.ordinal()],
              "readings arrive again"));
    }
    return out;
  }

  /** Closes the minute and hour before {@code time}'s, feeding the profile and the CUSUM. */
  private List<Finding> roll(Instant time, List<Finding> out) {
    long ms = time.toEpochMilli();
    long m = Math.floorDiv(ms, MINUTE_MS);
    long h = Math.floorDiv(ms, HOUR_MS);
    if (m != minute) {
      if (minute >= 0 && minuteCount > 0) {
        profile.addMinute(minuteSumKw / minuteCount);
      }
      minute = m;
      minuteSumKw = 0;
      minuteCount = 0;
    }
    long b = Math.floorDiv(ms, BLOCK_MS);
    if (b != block) {
      if (block >= 0 && blockCount > 0) {
        double residual = logRatio(blockSumKw / blockCount, blockSumExpectedKw / blockCount);
        Instant blockStart = Instant.ofEpochMilli(block * BLOCK_MS);
        out = cusumBlock(blockStart, HourlySpreads.context(blockStart), residual, out);
      }
      block = b;
      blockSumKw = 0;
      blockSumExpectedKw = 0;
      blockCount = 0;
    }
    if (h != hour) {
      edgeFromKw = h == hour + 1 ? lastExpectedKw : Double.NaN;
      context = HourlySpreads.context(time);
      if (hour >= 0 && hourCount > 0) {
        profile.addHour(Instant.ofEpochMilli(hour * HOUR_MS), hourSumKw / hourCount);
      }
      hour = h;
      hourSumKw = 0;
      hourCount = 0;
    }
    return out;
  }

  private List<Finding> cusumBlock(
      Instant blockStart, int context, double residual, List<Finding> out) {
    double meanZ = residual / blockSpread.sigma(context);
    if (blockSpread.learned() < MIN_BLOCKS) {
      blockSpread.learn(context, residual);
      return out;
    }
    PageCusum.Direction direction = cusum.add(meanZ);
    if (direction == PageCusum.Direction.NONE && !drift.isActive()) {
      blockSpread.learn(context, residual);
    }
    boolean alarm = direction != PageCusum.Direction.NONE;
    double level = direction == PageCusum.Direction.DOWN ? -cusum.low() : cusum.high();
    if (alarm) {
      cusum.reset();
    }
    Instant end = blockStart.plusMillis(BLOCK_MS);
    var change = drift.observe(end, alarm, Math.abs(meanZ) < limits.driftNormalZ());
    if (change == Debounce.Change.RAISED) {
      methods[AnomalyKind.DRIFT.ordinal()] = "cusum";
      severities[AnomalyKind.DRIFT.ordinal()] = Severity.WARNING;
      String way = direction == PageCusum.Direction.UP ? "above" : "below";
      String explanation =
          String.format(
              Locale.ROOT,
              "power has drifted %s its expected level: the 5-minute averages ran %.1f σ %s"
                  + " expectation on average, and their CUSUM reached %.1f σ (alarm at %.1f σ)",
              way,
              Math.abs(meanZ),
              way,
              Math.abs(level),
              limits.cusumH());
      out =
          add(
              out,
              new Finding.Raised(
                  AnomalyKind.DRIFT,
                  drift.onset(),
                  end,
                  Severity.WARNING,
                  "power_kw_residual_sigma",
                  meanZ,
                  0,
                  0,
                  meanZ,
                  "cusum",
                  explanation));
    } else if (change == Debounce.Change.RESOLVED) {
      severities[AnomalyKind.DRIFT.ordinal()] = null;
      out =
          add(
              out,
              new Finding.Resolved(
                  AnomalyKind.DRIFT,
                  drift.onset(),
                  end,
                  methods[AnomalyKind.DRIFT.ordinal()],
                  String.format(
                      Locale.ROOT,
                      "power is back at its expected level (5-minute averages within %.1f σ for %d"
                          + " minutes)",
                      limits.driftNormalZ(),
                      limits.driftResolveMinutes())));
    }
    return out;
  }

  /**
   * {@code e}, or where {@code powerKw} lies nearer another point of the band {@code [lo, hi]} of
   * expected values (a shift edge), that point.
   */
  private static Expectation nearestInBand(Expectation e, double powerKw, double lo, double hi) {
    double kw = clamp(powerKw, lo, hi);
    return kw == e.kw() ? e : new Expectation(kw, e.sigmaKw(), e.source(), e.note());
  }

  private static double clamp(double value, double lo, double hi) {
    return Math.max(lo, Math.min(hi, value));
  }

  /** ln of actual over expected, both offset so that 0 kW stays finite. */
  private double logRatio(double actualKw, double expectedKw) {
    return Math.log(
        (Math.max(0.0, actualKw) + lnOffsetKw) / (Math.max(0.0, expectedKw) + lnOffsetKw));
  }

  /** The residual in units of this machine's learned spread. */
  private double z(double powerKw, Expectation e) {
    return logRatio(powerKw, e.kw()) / sigmaNow;
  }

  /**
   * Critical: double or half of expected and beyond critical z; and four times or a quarter of it
   * whatever the spread, both ways (a cycling machine's wide spread once kept a sixfold spike a
   * warning, while a drop to a quarter was already critical).
   */
  private boolean critical(double powerKw, Expectation e) {
    double r = logRatio(powerKw, e.kw());
    return Math.abs(r) >= Math.max(Math.log(2.0), limits.criticalZ() * sigmaNow)
        || Math.abs(r) >= GROSS_LN;
  }

  /**
   * Four times, or a quarter of, the nearest level the machine draws in its mode, for a reading at
   * a level never seen in that mode. A cycling machine's expectation is the mean over its levels: a
   * loaded compressor cut to a fifth is only about a quarter of its loaded-and-unloaded mean, and
   * was a warning.
   */
  private boolean grossAgainstModeLevel(double powerKw) {
    return Double.isFinite(modeLevelKw) && Math.abs(logRatio(powerKw, modeLevelKw)) >= GROSS_LN;
  }

  /**
   * The expectation an out-of-line reading is explained against: the profile's or baseline's, or
   * while there is none yet, the nearest level the machine draws in its mode.
   */
  private Expectation explaining(Expectation e, String mode, double powerKw, double sigma) {
    if (e != null) {
      return e;
    }
    double level = levels.nearestLevel(mode, powerKw);
    if (Double.isNaN(level)) {
      // Only the rated-power condition can fire without any history.
      return new Expectation(
          ratedKw, Math.max(1e-9, sigma * ratedKw), Expectation.Source.RECENT, null);
    }
    return new Expectation(level, Math.max(1e-9, sigma * level), Expectation.Source.RECENT, null);
  }

  private List<Finding> judge(
      Debounce d,
      AnomalyKind kind,
      Instant time,
      boolean isOut,
      boolean isNormal,
      double powerKw,
      Expectation e,
      Drivers drivers,
      List<Finding> out) {
    var change = d.observe(time, isOut, isNormal);
    if (change == Debounce.Change.RAISED) {
      double z = z(powerKw, e);
      methods[kind.ordinal()] = e.source().method();
      Severity severity =
          critical(powerKw, e) || grossAgainstModeLevel(powerKw)
              ? Severity.CRITICAL
              : Severity.WARNING;
      severities[kind.ordinal()] = severity;
      (kind == AnomalyKind.SPIKE ? spikeWorse : dropWorse).reset();
      return add(
          out,
          residualFinding(
              kind, d.onset(), time, severity, powerKw, e, z, e.source().method(), drivers));
    }
    if (change == Debounce.Change.RESOLVED) {
      return add(out, resolved(kind, time, powerKw));
    }
    return out;
  }

  /**
   * Escalates the open spike or drop of {@code kind} once its readings stayed beyond the critical
   * level as long as a raise needs. It keeps the method it was raised with, which identifies it.
   */
  private List<Finding> escalate(
      Debounce d,
      Debounce worse,
      AnomalyKind kind,
      Instant time,
      boolean critical,
      double powerKw,
      Expectation e,
      Drivers drivers,
      List<Finding> out) {
    if (!worse(d, worse, kind, time, critical)) {
      return out;
    }
    var update =
        residualFinding(
            kind,
            d.onset(),
            time,
            Severity.CRITICAL,
            powerKw,
            e,
            z(powerKw, e),
            methods[kind.ordinal()],
            drivers);
    return add(out, escalated(update));
  }

  /**
   * Whether the open anomaly {@code d} of {@code kind}, not yet critical, has now been {@code
   * critical} long enough to escalate. Severity never falls back while an anomaly is open.
   */
  private boolean worse(
      Debounce d, Debounce worse, AnomalyKind kind, Instant time, boolean critical) {
    Severity now = severities[kind.ordinal()];
    if (now == null || now == Severity.CRITICAL || !d.isActive()) {
      return false;
    }
    return worse.observe(time, critical, !critical) == Debounce.Change.RAISED;
  }

  private Finding.Escalated escalated(Finding.Raised update) {
    int k = update.kind().ordinal();
    Severity previous = severities[k];
    severities[k] = update.severity();
    String explanation =
        "grew worse, now "
            + update.severity().wireName()
            + " (was "
            + previous.wireName()
            + "): "
            + update.explanation();
    return new Finding.Escalated(
        new Finding.Raised(
            update.kind(),
            update.onset(),
            update.at(),
            update.severity(),
            update.metricName(),
            update.actual(),
            update.expected(),
            update.deviationPercent(),
            update.z(),
            update.method(),
            explanation),
        previous);
  }

  private Finding.Raised residualFinding(
      AnomalyKind kind,
      Instant onset,
      Instant time,
      Severity severity,
      double powerKw,
      Expectation e,
      double z,
      String method,
      Drivers drivers) {
    double deviation = e.deviationPercent(powerKw);
    String how =
        Math.abs(e.kw()) < 1e-9
            ? String.format(Locale.ROOT, "%.1f kW above", powerKw - e.kw())
            : String.format(
                Locale.ROOT, "%.0f %% %s", Math.abs(deviation), deviation >= 0 ? "above" : "below");
    String driverText =
        e.source() == Expectation.Source.BASELINE
            ? BaselineExpectation.describeDrivers(baseline, drivers)
            : "";
    String explanation =
        String.format(
            Locale.ROOT,
            "power %.1f kW is %s the %.1f kW expected for %s%s (%.1f σ of this machine's usual"
                + " spread, ±%.0f %%)%s",
            powerKw,
            how,
            e.kw(),
            e.describe(time),
            driverText.isEmpty() ? "" : " " + driverText,
            z,
            (Math.exp(sigmaNow) - 1) * 100,
            modeLevelText(powerKw));
    return new Finding.Raised(
        kind,
        onset,
        time,
        severity,
        "power_kw",
        powerKw,
        e.kw(),
        deviation,
        z,
        method,
        explanation);
  }

  /**
   * How the reading stands against the nearest level of its mode, when it is a level never seen:
   * the least (or most) the machine draws in that mode.
   */
  private String modeLevelText(double powerKw) {
    if (!Double.isFinite(modeLevelKw) || modeLevelKw <= 0) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "; %.0f %% of the %s it draws %s (%.1f kW)",
        powerKw / modeLevelKw * 100,
        powerKw < modeLevelKw ? "least" : "most",
        modeOfLevel == null ? "in this mode" : "when " + modeOfLevel,
        modeLevelKw);
  }

  private Finding.Raised aboveRated(Instant time, double powerKw) {
    double deviation = (powerKw - ratedKw) / ratedKw * 100;
    methods[AnomalyKind.ABOVE_RATED_POWER.ordinal()] = "rule";
    return new Finding.Raised(
        AnomalyKind.ABOVE_RATED_POWER,
        aboveRated.onset(),
        time,
        powerKw > limits.aboveRatedCritical() * ratedKw ? Severity.CRITICAL : Severity.WARNING,
        "power_kw",
        powerKw,
        ratedKw,
        deviation,
        0,
        "rule",
        String.format(
            Locale.ROOT,
            "power %.1f kW is %.0f %% above the machine's rated %.1f kW",
            powerKw,
            deviation,
            ratedKw));
  }

  private Finding.Raised whileStopped(Instant time, double powerKw, String mode) {
    methods[AnomalyKind.POWER_WHILE_STOPPED.ordinal()] = "rule";
    severities[AnomalyKind.POWER_WHILE_STOPPED.ordinal()] = Severity.WARNING;
    return new Finding.Raised(
        AnomalyKind.POWER_WHILE_STOPPED,
        whileStopped.onset(),
        time,
        Severity.WARNING,
        "power_kw",
        powerKw,
        StatusClassifier.IDLE_ABOVE_KW,
        0,
        0,
        "rule",
        String.format(
            Locale.ROOT,
            "power %.1f kW while the machine reports '%s'; a stopped machine draws under %.1f kW",
            powerKw,
            mode,
            StatusClassifier.IDLE_ABOVE_KW));
  }

  private Finding.Resolved resolved(AnomalyKind kind, Instant time, double powerKw) {
    severities[kind.ordinal()] = null;
    return new Finding.Resolved(
        kind,
        debounce(kind).onset(),
        time,
        methods[kind.ordinal()],
        String.format(Locale.ROOT, "back to normal: power %.1f kW", powerKw));
  }

  private Debounce debounce(AnomalyKind kind) {
    return switch (kind) {
      case SPIKE -> spike;
      case DROP -> drop;
      case DRIFT -> drift;
      case ABOVE_RATED_POWER -> aboveRated;
      case POWER_WHILE_STOPPED -> whileStopped;
      case SILENT -> silent;
    };
  }

  private static boolean isStopped(String mode) {
    if (mode == null) {
      return false;
    }
    return switch (mode.toLowerCase(Locale.ROOT)) {
      case "stopped", "offline", "off", "shutdown", "maintenance" -> true;
      default -> false;
    };
  }

  private static List<Finding> add(List<Finding> out, Finding finding) {
    List<Finding> list = out == null ? new ArrayList<>(2) : out;
    list.add(finding);
    return list;
  }
}
