package org.enms.http.anomaly;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Batch anomaly detection against a machine's active baseline, and the stored anomalies. Detection
 * fails with {@link org.enms.http.baseline.BaselineRefused} for an unknown machine or when it has
 * no active baseline.
 */
public interface AnomalyService {
  /** Detects over the hours in {@code [start, end)} and stores what is new. */
  CompletionStage<DetectionResult> detect(UUID machineId, Instant start, Instant end);

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
}
