package org.enms.machine;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Where a machine entity gets its history on start. Implemented outside this module (over the
 * database), so the entity does not depend on storage. Implementations must not block the caller:
 * run the queries on a dedicated dispatcher or executor sized like the connection pool.
 */
@FunctionalInterface
public interface MachineHistoryPort {

  /**
   * Loads what is stored about a machine as of {@code now}: the last hour per minute, today's
   * totals and the latest readings. A machine without data gets {@link MachineHistory#empty}.
   */
  CompletionStage<MachineHistory> load(UUID machineId, Instant now);
}
