package org.enms.http.scheduler;

import java.util.concurrent.CompletionStage;

/**
 * The scheduler as the API sees it, wherever in the cluster it runs. Stages fail with {@link
 * SchedulerUnavailable} when it is disabled or does not answer in time.
 */
public interface Scheduler {
  CompletionStage<SchedulerStatus> status();

  /** Starts the job now, unless it is unknown, unavailable or still running. */
  CompletionStage<TriggerResult> trigger(String jobId);
}
