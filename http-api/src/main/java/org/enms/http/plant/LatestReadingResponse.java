package org.enms.http.plant;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code GET /timeseries/latest/{machine_id}}: the machine's latest minute of electricity.
 *
 * @param timestamp the minute's start
 * @param powerKw its mean power
 * @param energyKwh its energy
 * @param status running, idle or stopped by the original's thresholds on that power; stopped when
 *     the minute is more than 5 minutes old (the original always said running)
 */
public record LatestReadingResponse(
    UUID machineId,
    String machineName,
    Instant timestamp,
    double powerKw,
    double energyKwh,
    String status) {}
