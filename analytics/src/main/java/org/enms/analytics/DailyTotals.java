package org.enms.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Running totals of the current UTC day: energy, production and quality, average and peak power,
 * and time spent per {@link MachineStatus}. A reading of a later day starts a new day; a reading of
 * an earlier day is refused, and a snapshot asked for a later day is empty.
 *
 * <p>Time per status: readings report interval averages, so the time since the previous power
 * reading is attributed to the status of the reading that ends it. An interval longer than {@code
 * maxAttributableGap} is attributed to nothing: nobody knows what the machine did while silent. An
 * interval that began yesterday counts from midnight.
 */
public final class DailyTotals {
  private static final long NONE = Long.MIN_VALUE;

  private final long maxGapMillis;
  private long epochDay;

  /** kWh */
  private double energyKwh;

  private long units;
  private long good;
  private long bad;
  private long powerCount;

  /** kW */
  private double powerSum;

  /** kW */
  private double peakPower = Double.NEGATIVE_INFINITY;

  private long runningMillis;
  private long idleMillis;
  private long stoppedMillis;
  private long lastPowerMillis = NONE;

  public DailyTotals(Duration maxAttributableGap, LocalDate day) {
    this.maxGapMillis = maxAttributableGap.toMillis();
    this.epochDay = day.toEpochDay();
  }

  /**
   * Continues from totals known from storage.
   *
   * @param lastPowerReading time of the last power reading they include, if any, so the interval up
   *     to the next reading is attributed
   */
  public void restore(DayTotals totals, Instant lastPowerReading) {
    epochDay = totals.day().toEpochDay();
    energyKwh = totals.energyKwh();
    units = totals.productionUnits();
    good = totals.goodUnits();
    bad = totals.badUnits();
    powerCount = totals.powerReadingCount();
    powerSum = totals.avgPowerKw() == null ? 0 : totals.avgPowerKw() * powerCount;
    peakPower = totals.peakPowerKw() == null ? Double.NEGATIVE_INFINITY : totals.peakPowerKw();
    runningMillis = totals.runningSeconds() * 1000;
    idleMillis = totals.idleSeconds() * 1000;
    stoppedMillis = totals.stoppedSeconds() * 1000;
    lastPowerMillis = lastPowerReading == null ? NONE : lastPowerReading.toEpochMilli();
  }

  /**
   * Adds a power reading and the energy of its interval.
   *
   * @return false when it belongs to an earlier day and was ignored
   */
  public boolean addEnergy(Instant time, double powerKw, double intervalEnergyKwh) {
    long millis = time.toEpochMilli();
    if (!enterDay(millis)) {
      return false;
    }
    energyKwh += intervalEnergyKwh;
    powerCount++;
    powerSum += powerKw;
    peakPower = Math.max(peakPower, powerKw);
    if (lastPowerMillis != NONE && millis > lastPowerMillis) {
      long from = Math.max(lastPowerMillis, epochDay * Duration.ofDays(1).toMillis());
      if (millis - lastPowerMillis <= maxGapMillis) {
        switch (StatusClassifier.classify(powerKw)) {
          case RUNNING -> runningMillis += millis - from;
          case IDLE -> idleMillis += millis - from;
          case STOPPED -> stoppedMillis += millis - from;
        }
      }
    }
    lastPowerMillis = Math.max(lastPowerMillis, millis);
    return true;
  }

  /**
   * Adds units produced in the interval ending at {@code time}.
   *
   * @return false when it belongs to an earlier day and was ignored
   */
  public boolean addProduction(Instant time, long produced, long goodUnits, long badUnits) {
    if (!enterDay(time.toEpochMilli())) {
      return false;
    }
    units += produced;
    good += goodUnits;
    bad += badUnits;
    return true;
  }

  /**
   * Today's totals as of {@code now}: empty if {@code now} is on a later day than the last data.
   */
  public DayTotals snapshot(Instant now) {
    var today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    if (today.toEpochDay() != epochDay) {
      return DayTotals.empty(today);
    }
    return new DayTotals(
        today,
        energyKwh,
        units,
        good,
        bad,
        powerCount,
        powerCount == 0 ? null : powerSum / powerCount,
        powerCount == 0 ? null : peakPower,
        runningMillis / 1000,
        idleMillis / 1000,
        stoppedMillis / 1000);
  }

  /** Moves to the day of {@code millis} if it is later; false if it is earlier. */
  private boolean enterDay(long millis) {
    long day = Math.floorDiv(millis, Duration.ofDays(1).toMillis());
    if (day < epochDay) {
      return false;
    }
    if (day > epochDay) {
      epochDay = day;
      energyKwh = 0;
      units = 0;
      good = 0;
      bad = 0;
      powerCount = 0;
      powerSum = 0;
      peakPower = Double.NEGATIVE_INFINITY;
      runningMillis = 0;
      idleMillis = 0;
      stoppedMillis = 0;
    }
    return true;
  }
}
