package org.enms.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.enms.core.reading.EnergyReading;

/**
 * What a machine actor needs to resume after a restart or a rebalance.
 *
 * @param lastHour minute buckets of the hour before {@code now}, oldest first, minutes without data
 *     absent
 * @param todayEnergyKwh electricity used since 00:00 UTC, kWh
 * @param todayProductionUnits units produced since 00:00 UTC
 * @param todayGoodUnits of which passed quality control
 * @param todayBadUnits of which were rejected
 * @param todayPowerReadings electricity readings since 00:00 UTC
 * @param todayAvgPowerKw their mean power, kW; null without readings
 * @param todayPeakPowerKw their highest power, kW; null without readings
 * @param latestEnergy the newest electricity reading at or before {@code now}
 * @param restoredUpTo the newest raw reading time included; readings after it are new to the actor
 */
public record MachineHistory(
    UUID machineId,
    List<MinuteBucket> lastHour,
    double todayEnergyKwh,
    long todayProductionUnits,
    long todayGoodUnits,
    long todayBadUnits,
    long todayPowerReadings,
    Double todayAvgPowerKw,
    Double todayPeakPowerKw,
    Optional<EnergyReading> latestEnergy,
    Optional<Instant> restoredUpTo) {}
