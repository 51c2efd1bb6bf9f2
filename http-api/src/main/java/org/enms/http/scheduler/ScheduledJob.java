package org.enms.http.scheduler;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** One job the scheduler runs: its id and name, and the work of one run. */
public interface ScheduledJob {
  /** As in the configuration and the API, e.g. {@code baseline_retrain}. */
  String id();

  /** For people, e.g. {@code Weekly Baseline Retraining}. */
  String name();

  /**
   * Runs once. Never blocks the caller: the work runs on the blocking dispatcher.
   *
   * @param dueAt when the run was due (a triggered run: when it was triggered); periods are taken
   *     up to it, so a late run still covers its own period
   * @return what the run did, in words; fails when the run failed
   */
  CompletionStage<String> run(Instant dueAt);

  /** Why the job cannot run at all, e.g. what it needs is not built; empty when it can. */
  default Optional<String> unavailable() {
    return Optional.empty();
  }

  /** Also run when the scheduler starts, e.g. a clean-up of what a stopped node left behind. */
  default boolean runsAtStart() {
    return false;
  }
}
