package org.enms.db;

import java.time.Instant;

/**
 * One minute of a machine's electricity and production, computed from raw rows.
 *
 * @param readingCount electricity readings in the minute
 * @param sumPowerKw sum of their power, kW (divide by readingCount for the average)
 * @param minPowerKw lowest power, kW
 * @param maxPowerKw highest power, kW
 * @param energyKwh electricity used, kWh
 * @param productionUnits units produced
 */
public record MinuteBucket(
    Instant minute,
    long readingCount,
    double sumPowerKw,
    double minPowerKw,
    double maxPowerKw,
    double energyKwh,
    long productionUnits) {}
