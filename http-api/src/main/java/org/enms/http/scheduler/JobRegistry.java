package org.enms.http.scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scheduler's book of jobs, free of actors and clocks: when each is next due, which are
 * running, and how each last ended. Two rules live here:
 *
 * <ul>
 *   <li><b>Coalesce</b>: a job due several times since it was last looked at (a paused process, a
 *       late timer) runs once, and is next due after now.
 *   <li><b>One at a time</b>: a job still running is not started again, neither when due (the run
 *       is counted as skipped) nor when triggered.
 * </ul>
 *
 * Not thread-safe: its actor owns it.
 */
final class JobRegistry {
  /** What started a run. */
  enum Cause {
    SCHEDULE,
    TRIGGER,
    START;

    String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A run just started: the job and when it was due. */
  record Started(ScheduledJob job, Instant dueAt) {}

  private static final class Entry {
    final ScheduledJob job;
    final CronSchedule schedule;
    Instant next;
    Instant runningSince;
    Cause runningCause;
    JobStatus.LastRun lastRun;
    long runs;
    long skipped;

    Entry(ScheduledJob job, CronSchedule schedule, Instant now) {
      this.job = job;
      this.schedule = schedule;
      this.next = job.unavailable().isPresent() ? null : schedule.nextAfter(now).orElse(null);
    }
  }

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /**
   * @param schedules by job id; a job without one never comes due
   * @param now when the book opens: the first fire times are after it
   */
  JobRegistry(List<ScheduledJob> jobs, Map<String, CronSchedule> schedules, Instant now) {
    for (ScheduledJob job : jobs) {
      CronSchedule schedule =
          schedules.getOrDefault(job.id(), CronSchedule.off(java.time.ZoneOffset.UTC));
      entries.put(job.id(), new Entry(job, schedule, now));
    }
  }

  /**
   * The jobs due at {@code now}, started; each is next due after {@code now}. A due job still
   * running is skipped and counted.
   */
  List<Started> due(Instant now) {
    List<Started> started = new ArrayList<>();
    for (Entry e : entries.values()) {
      if (e.next == null || e.next.isAfter(now)) {
        continue;
      }
      Instant dueAt = e.next;
      e.next = e.schedule.nextAfter(now).orElse(null);
      if (e.runningSince != null) {
        e.skipped++;
      } else {
        begin(e, now, Cause.SCHEDULE);
        started.add(new Started(e.job, dueAt));
      }
    }
    return started;
  }

  /** Starts the job now for {@code cause}, unless it is unknown, unavailable or running. */
  TriggerResult start(String id, Instant now, Cause cause) {
    Entry e = entries.get(id);
    if (e == null) {
      return TriggerResult.refused(
          TriggerResult.Refusal.NOT_FOUND,
          "Job '" + id + "' not found; jobs are " + String.join(", ", entries.keySet()));
    }
    Optional<String> unavailable = e.job.unavailable();
    if (unavailable.isPresent()) {
      return TriggerResult.refused(
          TriggerResult.Refusal.UNAVAILABLE,
          "Job '" + id + "' is not available: " + unavailable.get());
    }
    if (e.runningSince != null) {
      return TriggerResult.refused(
          TriggerResult.Refusal.RUNNING,
          "Job '" + id + "' is already running since " + e.runningSince);
    }
    begin(e, now, cause);
    return TriggerResult.started("Job '" + id + "' started");
  }

  private static void begin(Entry e, Instant now, Cause cause) {
    e.runningSince = now;
    e.runningCause = cause;
    e.runs++;
  }

  /** The job's run ended; {@code message} says what it did or why it failed. */
  void finish(String id, Instant now, boolean succeeded, String message) {
    Entry e = entries.get(id);
    if (e == null || e.runningSince == null) {
      return;
    }
    e.lastRun =
        new JobStatus.LastRun(
            e.runningSince,
            now,
            e.runningCause.wireName(),
            succeeded ? "succeeded" : "failed",
            message);
    e.runningSince = null;
    e.runningCause = null;
  }

  Optional<ScheduledJob> job(String id) {
    return Optional.ofNullable(entries.get(id)).map(e -> e.job);
  }

  /** The jobs that run when the scheduler starts. */
  List<ScheduledJob> atStart() {
    return entries.values().stream()
        .map(e -> e.job)
        .filter(j -> j.runsAtStart() && j.unavailable().isEmpty())
        .toList();
  }

  /** The earliest time a job is due; empty when none ever is. */
  Optional<Instant> nextDue() {
    return entries.values().stream()
        .map(e -> e.next)
        .filter(t -> t != null)
        .min(Instant::compareTo);
  }

  List<JobStatus> status() {
    return entries.values().stream().map(JobRegistry::status).toList();
  }

  private static JobStatus status(Entry e) {
    Optional<String> unavailable = e.job.unavailable();
    String state =
        unavailable
            .map(why -> "not available: " + why)
            .orElse(
                e.runningSince != null
                    ? "running"
                    : e.schedule.isOff() ? CronSchedule.OFF : "scheduled");
    return new JobStatus(
        e.job.id(),
        e.job.name(),
        e.next,
        e.schedule.trigger(),
        e.schedule.expression(),
        state,
        e.runningSince,
        e.lastRun,
        e.runs,
        e.skipped);
  }

  /** Every job as the status shows it while the scheduler is disabled. */
  static List<JobStatus> disabled(List<ScheduledJob> jobs, Map<String, CronSchedule> schedules) {
    return jobs.stream()
        .map(
            j -> {
              CronSchedule s = schedules.get(j.id());
              return new JobStatus(
                  j.id(),
                  j.name(),
                  null,
                  s == null ? CronSchedule.OFF : s.trigger(),
                  s == null ? CronSchedule.OFF : s.expression(),
                  "disabled",
                  null,
                  null,
                  0,
                  0);
            })
        .toList();
  }
}
