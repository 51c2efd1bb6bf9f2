package org.enms.db.kpi;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of the 15-minute energy roll-up to be priced, with what pricing needs of its machine.
 *
 * @param energyKwh energy in the interval, kWh (0 when only counters arrived)
 * @param demandKw the interval's average power, kW
 * @param pinnedTariff the name of the machine's own tariff, or null
 */
public record RollupInterval(
    Instant bucket,
    UUID machineId,
    String energyType,
    double energyKwh,
    double demandKw,
    UUID factoryId,
    String pinnedTariff) {}
