package org.enms.http.machines;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Asks a machine's entity for its live state (an ask with a timeout from configuration). */
@FunctionalInterface
public interface LiveMachines {
  CompletionStage<LiveStatus> status(UUID machineId);
}
