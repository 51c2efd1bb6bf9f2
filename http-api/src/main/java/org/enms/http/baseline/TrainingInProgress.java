package org.enms.http.baseline;

import java.util.UUID;

/** A training was not started: one for the same machine is pending or running already. */
public final class TrainingInProgress extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final UUID jobId;

  public TrainingInProgress(UUID jobId) {
    // An expected answer, not a fault: no stack trace.
    super("Training already in progress (job " + jobId + ")", null, false, false);
    this.jobId = jobId;
  }

  /** The unfinished job. */
  public UUID jobId() {
    return jobId;
  }
}
