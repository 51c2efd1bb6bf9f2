package org.enms.http.scheduler;

import org.enms.machine.CborSerializable;

/**
 * The scheduler's answer to a trigger: the job was started, or why not.
 *
 * @param refusal null when started
 */
public record TriggerResult(boolean success, String message, Refusal refusal)
    implements CborSerializable {
  public enum Refusal {
    /** No job has that id. */
    NOT_FOUND,
    /** A run of the job is still in progress; at most one runs at a time. */
    RUNNING,
    /** The job cannot run at all (see {@link ScheduledJob#unavailable()}). */
    UNAVAILABLE
  }

  static TriggerResult started(String message) {
    return new TriggerResult(true, message, null);
  }

  static TriggerResult refused(Refusal refusal, String message) {
    return new TriggerResult(false, message, refusal);
  }
}
