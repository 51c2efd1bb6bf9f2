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

  private final RobustProfile profile;
  private final double ratedKw;
  private final DetectionThresholds limits;

  /** Whether the power-while-stopped rule applies: electricity only. */
  private final boolean electric;

  private BaselineModel baseline;

  /** The baseline's expectation, with what it caches; null without a baseline. */
  private BaselineExpectation expectation;

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
  private double minuteSumZ;
  private int minuteCountZ;
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
    this.cusum = limits.cusum();
    this.spike = limits.debounce().create();
    this.drop = limits.debounce().create();
    this.drift =
        new Debounce(
            1,
            Duration.ZERO,
            limits.driftResolveMinutes(),
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
    List<Finding> out = null;
    out = roll(time, out);

    out = resolveSilence(time, out);

    Expectation e = expected(time, drivers);
    if (e != null) {
      double z = e.z(powerKw);
      double outZ = limits.warningZ();
      double normalZ = limits.normalZ();
      double criticalZ = limits.criticalZ();
      out = judge(spike, AnomalyKind.SPIKE, time, z >= outZ, z < normalZ, powerKw, e, drivers, out);
      out = judge(drop, AnomalyKind.DROP, time, z <= -outZ, z > -normalZ, powerKw, e, drivers, out);
      out =
          escalate(
              spike, spikeWorse, AnomalyKind.SPIKE, time, z >= criticalZ, powerKw, e, drivers, out);
      out =
          escalate(
              drop, dropWorse, AnomalyKind.DROP, time, z <= -criticalZ, powerKw, e, drivers, out);
      if (spike.phase() == Debounce.Phase.NORMAL && drop.phase() == Debounce.Phase.NORMAL) {
        minuteSumZ += z;
        minuteCountZ++;
      }
    }
    if (spike.phase() == Debounce.Phase.NORMAL && drop.phase() == Debounce.Phase.NORMAL) {
      minuteSumKw += powerKw;
      minuteCount++;
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
      if (minute >= 0) {
        if (minuteCount > 0) {
          profile.addMinute(minuteSumKw / minuteCount);
        }
        if (minuteCountZ > 0) {
          out =
              cusumMinute(Instant.ofEpochMilli(minute * MINUTE_MS), minuteSumZ / minuteCountZ, out);
        }
      }
      minute = m;
      minuteSumKw = 0;
      minuteCount = 0;
      minuteSumZ = 0;
      minuteCountZ = 0;
    }
    if (h != hour) {
      if (hour >= 0 && hourCount > 0) {
        profile.addHour(Instant.ofEpochMilli(hour * HOUR_MS), hourSumKw / hourCount);
      }
      hour = h;
      hourSumKw = 0;
      hourCount = 0;
    }
    return out;
  }

  private List<Finding> cusumMinute(Instant minuteStart, double meanZ, List<Finding> out) {
    PageCusum.Direction direction = cusum.add(meanZ);
    boolean alarm = direction != PageCusum.Direction.NONE;
    double level = direction == PageCusum.Direction.DOWN ? -cusum.low() : cusum.high();
    if (alarm) {
      cusum.reset();
    }
    Instant end = minuteStart.plusSeconds(60);
    var change = drift.observe(end, alarm, Math.abs(meanZ) < limits.driftNormalZ());
    if (change == Debounce.Change.RAISED) {
      methods[AnomalyKind.DRIFT.ordinal()] = "cusum";
      severities[AnomalyKind.DRIFT.ordinal()] = Severity.WARNING;
      String way = direction == PageCusum.Direction.UP ? "above" : "below";
      String explanation =
          String.format(
              Locale.ROOT,
              "power has drifted %s its expected level: the minute averages ran %.1f σ %s"
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
                      "power is back at its expected level (minute averages within %.1f σ for %d"
                          + " minutes)",
                      limits.driftNormalZ(),
                      limits.driftResolveMinutes())));
    }
    return out;
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
      double z = e.z(powerKw);
      methods[kind.ordinal()] = e.source().method();
      Severity severity = Math.abs(z) >= limits.criticalZ() ? Severity.CRITICAL : Severity.WARNING;
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
            e.z(powerKw),
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
            "power %.1f kW is %s the %.1f kW expected for %s%s (%.1f σ, σ = %.1f kW)",
            powerKw,
            how,
            e.kw(),
            e.describe(time),
            driverText.isEmpty() ? "" : " " + driverText,
            z,
            e.sigmaKw());
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
