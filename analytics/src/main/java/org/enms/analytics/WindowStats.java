package org.enms.analytics;

import java.time.Instant;

/**
 * Statistics of a {@link RollingWindow} over whole buckets {@code [from, to)}.
 *
 * @param readingCount power readings in the window
 * @param minPowerKw lowest power, kW; null when the window holds no power reading
 * @param avgPowerKw mean of the power readings, kW; null when there is none
 * @param maxPowerKw highest power, kW; null when there is none
 * @param energyKwh energy of the readings in the window, kWh
 * @param productionUnits units produced in the window
 */
public record WindowStats(
    Instant from,
    Instant to,
    long readingCount,
    Double minPowerKw,
    Double avgPowerKw,
    Double maxPowerKw,
    double energyKwh,
    long productionUnits) {}
