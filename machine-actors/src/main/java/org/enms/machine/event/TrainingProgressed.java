package org.enms.machine.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A training job moved on: {@code state} pending, running, completed or failed, {@code percent}
 * done.
 */
public record TrainingProgressed(
    UUID jobId,
    UUID machineId,
    UUID factoryId,
    Instant time,
    String state,
    double percent,
    String message)
    implements MachineEvent {
  @Override
  public String type() {
    return "training.progress";
  }
}
