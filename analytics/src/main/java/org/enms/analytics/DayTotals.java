package org.enms.analytics;

import java.time.LocalDate;

/**
 * A machine's totals for one UTC calendar day ("today" as the original API defines it).
 *
 * @param day the UTC day
 * @param energyKwh electrical energy used, kWh
 * @param productionUnits units produced
 * @param goodUnits units that passed quality control
 * @param badUnits rejected units
 * @param powerReadingCount power readings the averages are based on
 * @param avgPowerKw mean power, kW; null without readings
 * @param peakPowerKw highest power, kW; null without readings
 * @param runningSeconds time spent running, s (see {@link DailyTotals} for how it is attributed)
 * @param idleSeconds time spent idle, s
 * @param stoppedSeconds time spent stopped, s
 */
public record DayTotals(
    LocalDate day,
    double energyKwh,
    long productionUnits,
    long goodUnits,
    long badUnits,
    long powerReadingCount,
    Double avgPowerKw,
    Double peakPowerKw,
    long runningSeconds,
    long idleSeconds,
    long stoppedSeconds) {

  /** Nothing recorded yet on {@code day}. */
  public static DayTotals empty(LocalDate day) {
    return new DayTotals(day, 0, 0, 0, 0, 0, null, null, 0, 0, 0);
  }

  /** Seconds running or idle: the original's notion of uptime. */
  public long uptimeSeconds() {
    return runningSeconds + idleSeconds;
  }
}
