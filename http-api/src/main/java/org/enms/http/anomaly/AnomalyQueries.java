package org.enms.http.anomaly;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Recent anomalies of a machine, from the anomalies table. */
@FunctionalInterface
public interface AnomalyQueries {
  CompletionStage<AnomalySummary> since(UUID machineId, Instant since);
}
