package org.enms.http.anomaly;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Batch anomaly detection, the stored anomalies and their workflow (resolve, create by hand).
 * Detection and creation fail with {@link org.enms.http.baseline.BaselineRefused} for an unknown
 * machine.
 */
public interface AnomalyService {
  /**
   * Detects over the hours in {@code [start, end)} and stores what is new: against the machine's
   * active baseline when it has one and {@code useBaseline}, else with an isolation forest over the
   * period that flags at most a {@code contamination} share of its hours.
   */
  CompletionStage<DetectionResult> detect(
      UUID machineId, Instant start, Instant end, double contamination, boolean useBaseline);

  /**
   * Stored anomalies, newest first (or by severity first); {@code from}/{@code to} bound the
   * detection time inclusively.
   */
  CompletionStage<List<AnomalyView>> find(
      Optional<UUID> machineId,
      Optional<String> severity,
      Optional<Instant> from,
      Optional<Instant> to,
      Optional<Boolean> resolved,
      int limit,
      boolean severityFirst);

  /**
   * Records the anomaly's resolution (it is never deleted); one already resolved keeps its first
   * resolution. Empty for an unknown id.
   */
  CompletionStage<Optional<AnomalyView>> resolve(UUID anomalyId, Optional<String> notes);

  /** Stores an anomaly entered by hand; the same one entered twice is one row. */
  CompletionStage<CreatedAnomaly> create(CreationRequest anomaly);
}
