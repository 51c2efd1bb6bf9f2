package org.enms.http.machines;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Asks a machine's entity for its live state (an ask with a timeout from configuration). */
@FunctionalInterface
public interface LiveMachines {
  CompletionStage<LiveStatus> status(UUID machineId);

  /**
   * What the entity expects the machine's electric power to be at {@code at}. Implementations
   * without entities (tests of other routes) fail it.
   */
  default CompletionStage<LiveExpectation> expected(UUID machineId, Instant at) {
    return CompletableFuture.failedFuture(
        new UnsupportedOperationException("no live expectations here"));
  }
}
