package org.enms.machine.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A training job ended: {@code status} completed, with the model it stored and its fit, or failed,
 * with the error.
 *
 * @param modelVersion the version stored; null when the job failed
 * @param metrics the stored model's fit; null when the job failed
 * @param errorMessage why it failed; null when it completed
 */
public record TrainingCompleted(
    UUID jobId,
    UUID machineId,
    UUID factoryId,
    Instant time,
    String status,
    Integer modelVersion,
    Metrics metrics,
    String errorMessage)
    implements MachineEvent {
  @Override
  public String type() {
    return "training.completed";
  }

  /** In-sample fit of the stored model: R², RMSE and MAE in kWh, and the hours it saw. */
  public record Metrics(double rSquared, double rmse, double mae, int trainingSamples) {}
}
