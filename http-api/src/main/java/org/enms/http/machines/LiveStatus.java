package org.enms.http.machines;

import java.time.Instant;

/**
 * A machine's live state from its entity.
 *
 * @param status running, idle or stopped (the original's thresholds on the latest power)
 * @param powerKw latest electrical power, kW
 * @param lastReading time of the latest electricity reading, or null when none arrived
 * @param todayEnergyKwh electricity since 00:00 UTC, kWh
 * @param uptimeHours time spent running or idle today, h
 */
public record LiveStatus(
    String status,
    double powerKw,
    Instant lastReading,
    double todayEnergyKwh,
    double todayAvgPowerKw,
    double todayPeakPowerKw,
    double uptimeHours,
    long unitsProduced,
    long unitsGood,
    long unitsBad) {}
