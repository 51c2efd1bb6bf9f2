package org.enms.http.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.enms.http.support.Failures;
import org.enms.machine.CborSerializable;

/**
 * Runs the scheduled jobs: each when its cron expression comes due, or when triggered. One instance
 * runs in the cluster, as a cluster singleton ({@link ClusterScheduler}), so a job runs once per
 * cluster, not once per node.
 *
 * <p>It owns a {@link JobRegistry} (when each job is due, which are running, how each last ended)
 * and one timer, re-armed after every wake-up for the earliest due time but at most {@link
 * #MAX_SLEEP} ahead, so a clock that jumps is noticed within a minute. A job's run is a {@code
 * CompletionStage} on the blocking dispatcher; its end comes back as a message. At start, the jobs
 * that run at start (the training clean-up) run once.
 *
 * <p>Lifecycle: the state is not persisted. When the singleton moves to another node (its node
 * left), the new instance starts with fresh next-due times; a fire time that passed during the
 * hand-over is not made up, and a run still going on the old node may overlap one started on the
 * new node.
 */
public final class SchedulerActor extends AbstractBehavior<SchedulerActor.Command> {
  /** The longest the timer sleeps before the clock is looked at again. */
  static final Duration MAX_SLEEP = Duration.ofMinutes(1);

  public sealed interface Command extends CborSerializable {}

  /** Start the job now; the reply says whether it started. */
  public record Trigger(String jobId, ActorRef<TriggerResult> replyTo) implements Command {}

  public record GetStatus(ActorRef<SchedulerStatus> replyTo) implements Command {}

  private enum Wake implements Command {
    INSTANCE
  }

  private record RunEnded(String jobId, String message, Throwable error) implements Command {}

  private final JobRegistry registry;
  private final TimerScheduler<Command> timers;
  private final Clock clock;
  private final String node;
  private final String zone;

  private SchedulerActor(
      ActorContext<Command> context,
      TimerScheduler<Command> timers,
      JobRegistry registry,
      Clock clock,
      String zone) {
    super(context);
    this.timers = timers;
    this.registry = registry;
    this.clock = clock;
    this.zone = zone;
    this.node = context.getSystem().address().toString();
  }

  /**
   * @param schedules each job's schedule, by job id (a job without one runs only when triggered)
   * @param zone the zone the schedules are read in, for the status
   */
  public static Behavior<Command> create(
      List<ScheduledJob> jobs, Map<String, CronSchedule> schedules, ZoneId zone, Clock clock) {
    return Behaviors.setup(
        context ->
            Behaviors.withTimers(
                timers -> {
                  JobRegistry registry = new JobRegistry(jobs, schedules, clock.instant());
                  SchedulerActor actor =
                      new SchedulerActor(context, timers, registry, clock, zone.getId());
                  context
                      .getLog()
                      .info("scheduler started on {} with {} jobs", actor.node, jobs.size());
                  for (ScheduledJob job : registry.atStart()) {
                    if (registry
                        .start(job.id(), clock.instant(), JobRegistry.Cause.START)
                        .success()) {
                      actor.run(job, clock.instant());
                    }
                  }
                  actor.sleep();
                  return actor;
                }));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessageEquals(Wake.INSTANCE, this::onWake)
        .onMessage(Trigger.class, this::onTrigger)
        .onMessage(GetStatus.class, this::onGetStatus)
        .onMessage(RunEnded.class, this::onRunEnded)
        .build();
  }

  private Behavior<Command> onWake() {
    for (JobRegistry.Started s : registry.due(clock.instant())) {
      run(s.job(), s.dueAt());
    }
    sleep();
    return this;
  }

  private Behavior<Command> onTrigger(Trigger trigger) {
    Instant now = clock.instant();
    TriggerResult result = registry.start(trigger.jobId(), now, JobRegistry.Cause.TRIGGER);
    if (result.success()) {
      run(registry.job(trigger.jobId()).orElseThrow(), now);
    }
    trigger.replyTo().tell(result);
    return this;
  }

  private Behavior<Command> onGetStatus(GetStatus get) {
    List<JobStatus> jobs = registry.status();
    get.replyTo().tell(new SchedulerStatus(true, true, jobs.size(), jobs, node, zone));
    return this;
  }

  private Behavior<Command> onRunEnded(RunEnded ended) {
    boolean ok = ended.error() == null;
    String message = ok ? ended.message() : Failures.reason(ended.error());
    registry.finish(ended.jobId(), clock.instant(), ok, message);
    if (ok) {
      getContext().getLog().info("job {} done: {}", ended.jobId(), message);
    } else {
      getContext().getLog().warn("job {} failed: {}", ended.jobId(), message);
    }
    return this;
  }

  private void run(ScheduledJob job, Instant dueAt) {
    getContext().getLog().info("job {} starting (due {})", job.id(), dueAt);
    CompletionStage<String> work;
    try {
      work = job.run(dueAt);
    } catch (RuntimeException e) {
      work = CompletableFuture.failedFuture(e);
    }
    getContext().pipeToSelf(work, (message, error) -> new RunEnded(job.id(), message, error));
  }

  private void sleep() {
    Instant now = clock.instant();
    Duration until =
        registry
            .nextDue()
            .map(t -> Duration.between(now, t))
            .filter(d -> d.compareTo(MAX_SLEEP) < 0)
            .orElse(MAX_SLEEP);
    timers.startSingleTimer(Wake.INSTANCE, until.isNegative() ? Duration.ZERO : until);
  }
}
