package org.enms.machine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.enms.analytics.MachineState;
import org.enms.analytics.baseline.BaselineModel;
import org.enms.analytics.detect.AnomalyKind;
import org.enms.analytics.detect.DetectionThresholds;
import org.enms.analytics.detect.Drivers;
import org.enms.analytics.detect.Expectation;
import org.enms.analytics.detect.Finding;
import org.enms.analytics.detect.LiveDetector;
import org.enms.analytics.detect.RobustProfile;
import org.enms.analytics.detect.Severity;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnergyType;
import org.enms.core.reading.EnvironmentalReading;
import org.enms.core.reading.ProductionReading;
import org.enms.core.reading.Reading;
import org.enms.core.reading.StatusReading;
import org.enms.db.MachineHistoryDao.HourlyPower;

/**
 * One machine's live detection state: a {@link LiveDetector} per energy carrier, each with its own
 * robust profile, baseline, CUSUM and debounces (electricity always; a boiler's natural gas and
 * steam from their history or their first reading), the active baselines, and the baseline drivers
 * the machine reported last. Scores the energy readings the entity records and says what was
 * raised, escalated or resolved; storing and publishing that is the entity's {@link
 * AnomalyRecorder}'s job.
 *
 * <p>Rules that are about electric power (above rated power, power while stopped, silence) watch
 * electricity only; gas and steam get the residual and drift signals. Pekko-free and not
 * thread-safe: the entity calls it from its own thread.
 */
final class LiveDetection {

  /** A finding on one energy carrier ({@code electricity}, {@code natural_gas}, …). */
  record Found(String energyType, Finding finding) {}

  private final DetectionThresholds limits;
  private final MachineState state;
  private final LiveDetector electricity;

  /** Detectors of the other carriers; null for the many machines that have none. */
  private Map<String, LiveDetector> carriers;

  /** Active baselines by energy type; null while there is none (most machines: saves heap). */
  private Map<String, ActiveBaseline> baselines;

  /** Latest outdoor temperature, °C, a baseline driver; null until one arrives. */
  private Double outdoorTempC;

  /**
   * @param setup what storage knows: history per carrier, baselines, anomalies still open
   * @param state the entity's state, for the drivers (production) and the operating mode
   */
  LiveDetection(
      DetectionPort.DetectionSetup setup, DetectionThresholds limits, MachineState state) {
    this.limits = limits;
    this.state = state;
    this.electricity =
        new LiveDetector(
            profile(setup.hours().get(EnergyType.ELECTRICITY)), setup.ratedKw(), limits);
    setup
        .hours()
        .forEach(
            (type, hours) -> {
              if (!EnergyType.ELECTRICITY.equals(type)) {
                carriers().put(type, LiveDetector.forCarrier(profile(hours), limits));
              }
            });
    setup.baselines().forEach(this::useBaseline);
    for (var open : setup.open()) {
      AnomalyKind.fromWireName(open.anomalyType())
          .ifPresent(
              kind ->
                  detector(open.energyType())
                      .adopt(
                          kind,
                          open.detectedAt(),
                          open.method(),
                          Severity.fromName(open.severity())));
    }
  }

  private static RobustProfile profile(List<HourlyPower> hours) {
    var profile = new RobustProfile();
    if (hours != null) {
      hours.forEach(h -> profile.addHour(h.hour(), h.avgPowerKw()));
    }
    return profile;
  }

  /**
   * Scores the energy readings among {@code readings} (the entity has recorded them), each against
   * its own carrier's detector, after taking up the drivers they carry.
   *
   * <p>Each energy reading is judged in the operating mode the machine had reported before it, as
   * the readings go in time order: a batch can hold several ticks of one machine (a backlog, a
   * gateway's batch), and the mode at the batch's end made a compressor's loaded readings look like
   * new levels of its idle mode, and the reverse. At equal times the energy reading goes first, so
   * it is judged in the mode reported with the previous reading, as the accuracy bench judges it.
   *
   * @param modeBefore the mode the machine reported before these readings; null if unknown
   * @return what was raised, escalated or resolved, in order; usually empty
   */
  List<Found> score(List<Reading> readings, String modeBefore) {
    for (Reading r : readings) {
      if (r instanceof EnvironmentalReading env && env.outdoorTempC() != null) {
        outdoorTempC = env.outdoorTempC();
      }
    }
    List<Found> found = null;
    String mode = modeBefore;
    for (Reading r : inTimeOrder(readings)) {
      if (r instanceof ProductionReading p && p.operatingMode() != null) {
        mode = p.operatingMode();
      } else if (r instanceof StatusReading s && s.operatingMode() != null) {
        mode = s.operatingMode();
      } else if (r instanceof EnergyReading e) {
        LiveDetector detector = detector(e.energyType());
        Drivers drivers = detector.wantsDrivers() ? drivers(e.time()) : Drivers.NONE;
        var findings = detector.onReading(e.time(), e.powerKw(), mode, drivers);
        for (Finding f : findings) {
          if (found == null) {
            found = new ArrayList<>(2);
          }
          found.add(new Found(e.energyType(), f));
        }
      }
    }
    return found == null ? List.of() : found;
  }

  /** {@code readings} by time, energy readings before the others at the same time. */
  private static List<Reading> inTimeOrder(List<Reading> readings) {
    List<Reading> sorted = new ArrayList<>(readings);
    sorted.sort(
        Comparator.comparing(Reading::time).thenComparing(r -> r instanceof EnergyReading ? 0 : 1));
    return sorted;
  }

  /**
   * The silence check: no electricity reading since the latest one, now {@code now}, where the
   * machine reports every {@code interval}.
   */
  List<Found> onSilence(Instant now, Duration interval) {
    return state
        .latestElectricity()
        .map(
            last ->
                electricity.onSilence(now, last.time(), last.powerKw(), interval).stream()
                    .map(f -> new Found(EnergyType.ELECTRICITY, f))
                    .toList())
        .orElse(List.of());
  }

  /** Uses {@code active} (or none, when null) as the active baseline of {@code energyType}. */
  void useBaseline(String energyType, ActiveBaseline active) {
    BaselineModel model = active == null ? null : active.model();
    if (active != null) {
      if (baselines == null) {
        baselines = new HashMap<>(2);
      }
      baselines.put(energyType, active);
    } else if (baselines != null) {
      baselines.remove(energyType);
    }
    LiveDetector detector =
        EnergyType.ELECTRICITY.equals(energyType)
            ? electricity
            : carriers == null ? null : carriers.get(energyType);
    if (detector != null) {
      detector.useBaseline(model);
    }
  }

  /** The electric power expected at {@code at}; null while too little is known. */
  Expectation expectedElectricity(Instant at) {
    Drivers drivers = electricity.wantsDrivers() ? drivers(at) : Drivers.NONE;
    return electricity.expected(at, drivers);
  }

  /** The active electricity baseline in use, with its stored identity; null when there is none. */
  ActiveBaseline electricityBaseline() {
    return baselines == null ? null : baselines.get(EnergyType.ELECTRICITY);
  }

  /** How many reporting intervals of silence make an active machine silent. */
  int silentAfterIntervals() {
    return limits.silentAfterIntervals();
  }

  private Drivers drivers(Instant at) {
    return new Drivers((double) state.lastHour(at).productionUnits(), outdoorTempC);
  }

  /** The detector of {@code energyType}, made (with an empty profile) on its first reading. */
  private LiveDetector detector(String energyType) {
    if (energyType == null || EnergyType.ELECTRICITY.equals(energyType)) {
      return electricity;
    }
    return carriers()
        .computeIfAbsent(
            energyType,
            type -> {
              var detector = LiveDetector.forCarrier(new RobustProfile(), limits);
              if (baselines != null && baselines.containsKey(type)) {
                detector.useBaseline(baselines.get(type).model());
              }
              return detector;
            });
  }

  private Map<String, LiveDetector> carriers() {
    if (carriers == null) {
      carriers = new HashMap<>(4);
    }
    return carriers;
  }
}
