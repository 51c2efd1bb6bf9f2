package org.enms.http.anomaly;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code POST /anomaly/create}, in the original's fields.
 *
 * @param websocketPublished whether {@code anomaly.detected} was handed to the event hub (it is for
 *     a new row; the same anomaly entered again is not announced twice)
 */
public record CreatedAnomaly(
    boolean success,
    UUID anomalyId,
    String machineName,
    String machineType,
    Instant detectedAt,
    String severity,
    String anomalyType,
    boolean websocketPublished) {}
