package org.enms.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnergyType;
import org.enms.core.reading.ProductionReading;
import org.enms.core.reading.Reading;
import org.enms.core.reading.StatusReading;

/**
 * Everything one machine's entity knows in memory: rolling windows of the last minute, 15 minutes
 * and hour, today's totals, the latest electricity reading, the operating mode and the state of a
 * cumulative meter. It is the arithmetic behind the machine actor, kept Pekko-free so it can be
 * tested and measured on its own; its size is bounded (about 5 KB, plus for a counter-only meter up
 * to {@link MeterRegisters#MAX_PENDING} resolutions awaiting their record) whatever the rate.
 *
 * <p>Power and energy statistics count electricity only ({@code electricity}, or {@code energy} as
 * the original pipeline stored it); the boiler's gas and steam kWh-equivalents are left to the
 * database aggregates so that "power" keeps one meaning (the original summed them, reference
 * §11.2).
 *
 * <p>Duplicates: readings arrive at least once, so each stream (electricity, production, operating
 * mode) keeps a watermark, the time of its newest accepted reading, and ignores readings at or
 * before it. That also drops genuinely late readings; they are still in the database. After a
 * restore the watermark starts at the restore point so nothing is counted twice.
 */
public final class MachineState {
  /** A silence longer than this is not attributed to any status in today's uptime. */
  public static final Duration MAX_ATTRIBUTABLE_GAP = Duration.ofMinutes(5);

  private static final String LEGACY_ELECTRICITY = "energy";
  private static final long NONE = Long.MIN_VALUE;

  private final RollingWindow lastMinute = new RollingWindow(Duration.ofSeconds(5), 12);
  private final RollingWindow last15Minutes = new RollingWindow(Duration.ofMinutes(1), 15);
  private final RollingWindow lastHour = new RollingWindow(Duration.ofMinutes(1), 60);
  private final DailyTotals today;
  private final MeterRegisters registers;

  private EnergyReading latestElectricity;
  private String operatingMode;
  private long electricityWatermark = NONE;
  private long productionWatermark = NONE;

  /** Readings at or before this are in the restored totals. */
  private long restoredUpTo = NONE;

  /** Late readings within the last 32 of a stream are counted once; older ones are ignored. */
  private final RecentTimes recentElectricity = new RecentTimes(32);

  private final RecentTimes recentProduction = new RecentTimes(32);
  private long modeWatermark = NONE;

  public MachineState(Instant now, EnergyCounter.Limits counterLimits) {
    this.today = new DailyTotals(MAX_ATTRIBUTABLE_GAP, LocalDate.ofInstant(now, ZoneOffset.UTC));
    this.registers = new MeterRegisters(counterLimits);
  }

  public MachineState(Instant now) {
    this(now, EnergyCounter.Limits.DEFAULT);
  }

  /**
   * Continues from what storage knows. The minute buckets seed the 15-minute and 1-hour windows;
   * the 1-minute window has 5-second buckets that minute totals cannot fill, so it starts empty.
   *
   * @param minuteBuckets per-minute totals of (at least) the last hour
   * @param day today's totals up to {@code restoredUpTo}
   * @param latest the newest stored electricity reading
   * @param restoredUpTo everything at or before this instant is included in the above
   * @param lastCounterKwh the newest stored cumulative register value, kWh
   */
  public void restore(
      List<BucketTotals> minuteBuckets,
      DayTotals day,
      Optional<EnergyReading> latest,
      Instant restoredUpTo,
      Optional<Double> lastCounterKwh) {
    minuteBuckets.stream()
        .sorted(Comparator.comparing(BucketTotals::start))
        .forEach(
            b -> {
              last15Minutes.seed(b);
              lastHour.seed(b);
            });
    var lastPowerTime = latest.map(EnergyReading::time).orElse(null);
    today.restore(day, lastPowerTime);
    latestElectricity = latest.orElse(null);
    long upTo = restoredUpTo.toEpochMilli();
    this.restoredUpTo = upTo;
    recentElectricity.clear();
    recentProduction.clear();
    electricityWatermark =
        Math.max(upTo, lastPowerTime == null ? NONE : lastPowerTime.toEpochMilli());
    productionWatermark = upTo;
    lastCounterKwh.ifPresent(
        kwh ->
            registers.resume(
                EnergyType.ELECTRICITY, lastPowerTime == null ? restoredUpTo : lastPowerTime, kwh));
  }

  /**
   * Takes up what storage knows now, for readings stored without passing through here (an import
   * that reaches today). Storage holds every reading recorded here (they are recorded only once
   * stored), so its totals for today, its minute buckets and its newest reading replace the ones in
   * memory without counting anything twice. What storage does not hold stays: the time per status
   * today, the operating mode, the 5-second buckets of the last minute and the meter register with
   * its resolutions not yet recorded.
   *
   * @param minuteBuckets per-minute totals of (at least) the last hour
   * @param day today's totals up to {@code restoredUpTo}, from storage
   * @param latest the newest stored electricity reading
   * @param restoredUpTo everything at or before this instant is included in the above
   * @param now the time of the load
   */
  public void reload(
      List<BucketTotals> minuteBuckets,
      DayTotals day,
      Optional<EnergyReading> latest,
      Instant restoredUpTo,
      Instant now) {
    DayTotals current = today.snapshot(now);
    DayTotals merged =
        day.day().equals(current.day())
            ? new DayTotals(
                day.day(),
                day.energyKwh(),
                day.productionUnits(),
                day.goodUnits(),
                day.badUnits(),
                day.powerReadingCount(),
                day.avgPowerKw(),
                day.peakPowerKw(),
                current.runningSeconds(),
                current.idleSeconds(),
                current.stoppedSeconds())
            : day;
    last15Minutes.clear();
    lastHour.clear();
    minuteBuckets.stream()
        .sorted(Comparator.comparing(BucketTotals::start))
        .forEach(
            b -> {
              last15Minutes.seed(b);
              lastHour.seed(b);
            });
    EnergyReading newest = latestElectricity;
    if (latest.isPresent() && (newest == null || latest.get().time().isAfter(newest.time()))) {
      newest = latest.get();
    }
    today.restore(merged, newest == null ? null : newest.time());
    latestElectricity = newest;
    long upTo = restoredUpTo.toEpochMilli();
    this.restoredUpTo = Math.max(this.restoredUpTo, upTo);
    electricityWatermark =
        Math.max(
            Math.max(electricityWatermark, upTo),
            newest == null ? NONE : newest.time().toEpochMilli());
    productionWatermark = Math.max(productionWatermark, upTo);
    recentElectricity.clear();
    recentProduction.clear();
  }

  /**
   * Gives counter-only energy readings their interval energy from the meter's register, before they
   * are stored (see {@link MeterRegisters}). Readings are resolved in time order and returned in
   * the input order; readings that are not counter-only are returned unchanged. Recording the
   * resolved readings later counts their energy without moving the counter again.
   */
  public CounterResolution resolveCounters(List<EnergyReading> readings) {
    var resolved = new ArrayList<EnergyReading>(readings);
    var order = new ArrayList<Integer>(readings.size());
    for (int i = 0; i < readings.size(); i++) {
      if (isCounterOnly(readings.get(i))) {
        order.add(i);
      }
    }
    order.sort(Comparator.comparing(i -> readings.get(i).time()));
    int ignored = 0;
    int resets = 0;
    int rollovers = 0;
    int gaps = 0;
    for (int i : order) {
      var result = registers.resolve(readings.get(i));
      resolved.set(i, result.reading());
      var delta = result.delta();
      if (delta == null) {
        continue;
      }
      switch (delta.kind()) {
        case DUPLICATE, OUT_OF_ORDER -> ignored++;
        case RESET -> resets++;
        case ROLLOVER -> rollovers++;
        default -> {}
      }
      if (delta.afterGap()) {
        gaps++;
      }
    }
    return new CounterResolution(resolved, ignored, resets, rollovers, gaps);
  }

  /** Applies a batch of this machine's readings in time order. */
  public RecordOutcome record(List<? extends Reading> readings) {
    var sorted = new ArrayList<Reading>(readings);
    sorted.sort(Comparator.comparing(Reading::time));
    var tally = new Tally();
    for (var reading : sorted) {
      boolean accepted;
      if (reading instanceof EnergyReading e) {
        accepted = recordEnergy(e, tally);
      } else if (reading instanceof ProductionReading p) {
        accepted = recordProduction(p);
      } else if (reading instanceof StatusReading s) {
        accepted = recordMode(s.time(), s.operatingMode());
      } else {
        accepted = false;
      }
      if (accepted) {
        tally.accepted++;
      } else {
        tally.ignored++;
      }
    }
    return new RecordOutcome(
        tally.accepted, tally.ignored, tally.resets, tally.rollovers, tally.gaps);
  }

  /** The newest electricity reading, if any. */
  public Optional<EnergyReading> latestElectricity() {
    return Optional.ofNullable(latestElectricity);
  }

  /** Status from the newest electricity power; stopped when there is none. */
  public MachineStatus status() {
    return latestElectricity == null
        ? MachineStatus.STOPPED
        : StatusClassifier.classify(latestElectricity.powerKw());
  }

  /** The operating mode last reported by a status or production message, if any. */
  public Optional<String> operatingMode() {
    return Optional.ofNullable(operatingMode);
  }

  public WindowStats lastMinute(Instant now) {
    return lastMinute.stats(now);
  }

  public WindowStats last15Minutes(Instant now) {
    return last15Minutes.stats(now);
  }

  public WindowStats lastHour(Instant now) {
    return lastHour.stats(now);
  }

  public DayTotals today(Instant now) {
    return today.snapshot(now);
  }

  private boolean recordEnergy(EnergyReading reading, Tally tally) {
    long millis = reading.time().toEpochMilli();
    boolean late = millis <= electricityWatermark;
    if (!isElectricity(reading.energyType()) || !isNew(millis, late, recentElectricity)) {
      if (reading.counterKwh() != null) {
        registers.forget(reading);
      }
      return false;
    }
    double kwh = 0;
    if (reading.counterKwh() != null) {
      var delta = registers.record(reading);
      if (reading.energyKwh() == null) {
        kwh = delta.deltaKwh();
      }
      switch (delta.kind()) {
        case RESET -> tally.resets++;
        case ROLLOVER -> tally.rollovers++;
        default -> {}
      }
      if (delta.afterGap()) {
        tally.gaps++;
      }
    }
    if (reading.energyKwh() != null) {
      kwh = reading.energyKwh();
    }
    recentElectricity.add(millis);
    if (!late) {
      // A late reading counts in the totals but is not the machine's current state.
      electricityWatermark = millis;
      latestElectricity = reading;
    }
    lastMinute.addEnergy(reading.time(), reading.powerKw(), kwh);
    last15Minutes.addEnergy(reading.time(), reading.powerKw(), kwh);
    lastHour.addEnergy(reading.time(), reading.powerKw(), kwh);
    today.addEnergy(reading.time(), reading.powerKw(), kwh);
    return true;
  }

  private boolean recordProduction(ProductionReading reading) {
    long millis = reading.time().toEpochMilli();
    boolean late = millis <= productionWatermark;
    if (!isNew(millis, late, recentProduction)) {
      return false;
    }
    recentProduction.add(millis);
    if (!late) {
      productionWatermark = millis;
    }
    lastMinute.addProduction(reading.time(), reading.productionCount());
    last15Minutes.addProduction(reading.time(), reading.productionCount());
    lastHour.addProduction(reading.time(), reading.productionCount());
    today.addProduction(
        reading.time(),
        reading.productionCount(),
        reading.productionCountGood(),
        reading.productionCountBad());
    recordMode(reading.time(), reading.operatingMode());
    return true;
  }

  /**
   * Newer than anything seen: new. Older: new only if after the restore and among the recent
   * readings' span without being one of them (a late arrival, not a redelivery).
   */
  private boolean isNew(long millis, boolean late, RecentTimes recent) {
    if (!late) {
      return true;
    }
    return millis > restoredUpTo && !recent.olderThanRemembered(millis) && !recent.contains(millis);
  }

  private boolean recordMode(Instant time, String mode) {
    long millis = time.toEpochMilli();
    if (mode == null || millis < modeWatermark) {
      return false;
    }
    modeWatermark = millis;
    operatingMode = mode;
    return true;
  }

  private static boolean isCounterOnly(EnergyReading reading) {
    return reading.energyKwh() == null && reading.counterKwh() != null;
  }

  private static boolean isElectricity(String energyType) {
    return energyType == null
        || EnergyType.ELECTRICITY.equals(energyType)
        || LEGACY_ELECTRICITY.equals(energyType);
  }

  /** Counts of one batch; mutable because a record per reading would be needless garbage. */
  private static final class Tally {
    int accepted;
    int ignored;
    int resets;
    int rollovers;
    int gaps;
  }
}
