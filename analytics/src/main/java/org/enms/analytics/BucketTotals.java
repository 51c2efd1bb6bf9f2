package org.enms.analytics;

import java.time.Instant;

/**
 * Pre-aggregated readings of one interval, used to seed a {@link RollingWindow} from storage (for
 * example per-minute rows of the last hour).
 *
 * @param start start of the interval; the whole interval is put in the bucket containing it
 * @param readingCount power readings in the interval
 * @param sumPowerKw sum of their power, kW
 * @param minPowerKw lowest power, kW (ignored when {@code readingCount} is 0)
 * @param maxPowerKw highest power, kW (ignored when {@code readingCount} is 0)
 * @param energyKwh energy used in the interval, kWh
 * @param productionUnits units produced in the interval
 */
public record BucketTotals(
    Instant start,
    int readingCount,
    double sumPowerKw,
    double minPowerKw,
    double maxPowerKw,
    double energyKwh,
    long productionUnits) {}
