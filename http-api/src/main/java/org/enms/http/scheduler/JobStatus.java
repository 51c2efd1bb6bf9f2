package org.enms.http.scheduler;

import java.time.Instant;
import org.enms.machine.CborSerializable;

/**
 * One job in the scheduler's status: the original's {@code id}, {@code name}, {@code next_run} and
 * {@code trigger}, and what it is doing and last did.
 *
 * @param nextRun when it is next due; null when it is off, unavailable or the scheduler is disabled
 * @param trigger {@code cron[<expression>, <zone>]}, or {@code off}
 * @param cron the configured expression
 * @param state {@code scheduled}, {@code running}, {@code off} (runs only when triggered), {@code
 *     disabled} (the scheduler is), or {@code not available: <why>}
 * @param runningSince when the run in progress started; null when none is
 * @param lastRun the last finished run; null before the first
 * @param runs runs started since the scheduler started
 * @param skippedRuns times it was due while still running, and so not started again
 */
public record JobStatus(
    String id,
    String name,
    Instant nextRun,
    String trigger,
    String cron,
    String state,
    Instant runningSince,
    LastRun lastRun,
    long runs,
    long skippedRuns)
    implements CborSerializable {

  /**
   * @param cause {@code schedule}, {@code trigger} or {@code start}
   * @param outcome {@code succeeded} or {@code failed}
   * @param message what the run did, or why it failed
   */
  public record LastRun(
      Instant startedAt, Instant finishedAt, String cause, String outcome, String message)
      implements CborSerializable {}
}
