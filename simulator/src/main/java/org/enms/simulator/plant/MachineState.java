package org.enms.simulator.plant;

import java.time.Instant;
import java.util.UUID;

/**
 * A simulated machine as the REST API shows it.
 *
 * @param currentPowerKw power of the last tick, kW
 * @param dataIntervalSeconds nominal reporting interval, s
 * @param totalEnergyKwh electricity meter register, kWh
 * @param anomalyStartedAt start of the injected anomaly (may lie in the future), or null
 * @param anomalyEndsAt end of the injected anomaly, exclusive, or null
 */
public record MachineState(
    UUID machineId,
    String machineName,
    String machineType,
    boolean isRunning,
    String operatingMode,
    double currentPowerKw,
    int dataIntervalSeconds,
    long readingsGenerated,
    Instant lastReadingTime,
    boolean anomalyActive,
    String anomalyType,
    Double anomalySeverity,
    Instant anomalyStartedAt,
    Instant anomalyEndsAt,
    double totalEnergyKwh,
    long totalProductionCount) {}
