package org.enms.http.port;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Recent anomalies of a machine, from the anomalies table. */
@FunctionalInterface
public interface AnomalyQueries {
  CompletionStage<AnomalySummary> since(UUID machineId, Instant since);
}
