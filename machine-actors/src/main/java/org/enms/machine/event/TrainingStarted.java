package org.enms.machine.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A training job was created for the machine (row {@code jobId} in {@code model_training_history}),
 * pending.
 *
 * @param modelType what is trained, e.g. {@code baseline}
 * @param triggerType manual or scheduled
 */
public record TrainingStarted(
    UUID jobId, UUID machineId, UUID factoryId, Instant time, String modelType, String triggerType)
    implements MachineEvent {
  @Override
  public String type() {
    return "training.started";
  }
}
