package org.enms.http.scheduler;

/** The scheduler is disabled, or did not answer in time: the API answers 503. */
public final class SchedulerUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SchedulerUnavailable(String message) {
    super(message, null, false, false);
  }
}
