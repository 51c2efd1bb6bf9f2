package org.enms.http.scheduler;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;

/**
 * The scheduler behind the API: a {@link SchedulerActor} run as a cluster singleton, so each job
 * runs once per cluster. Every node starts the singleton's proxy with the same jobs; the oldest
 * node runs it, and another takes over when that node leaves. Status and triggers from any node are
 * asked of it with the configured timeout.
 *
 * <p>When the scheduler is disabled, nothing is started: the status lists the jobs as disabled, and
 * triggers are refused with {@link SchedulerUnavailable}.
 */
public final class ClusterScheduler implements Scheduler {
  static final String SINGLETON_NAME = "enms-scheduler";

  private final ActorSystem<?> system;
  private final ActorRef<SchedulerActor.Command> singleton;
  private final SchedulerSettings settings;
  private final SchedulerStatus disabledStatus;

  private ClusterScheduler(
      ActorSystem<?> system,
      ActorRef<SchedulerActor.Command> singleton,
      SchedulerSettings settings,
      SchedulerStatus disabledStatus) {
    this.system = system;
    this.singleton = singleton;
    this.settings = settings;
    this.disabledStatus = disabledStatus;
  }

  /**
   * Starts this node's part of the scheduler.
   *
   * @throws IllegalArgumentException when a job's cron expression does not parse, or one is given
   *     for no job
   */
  public static Scheduler start(
      ActorSystem<?> system, SchedulerSettings settings, List<ScheduledJob> jobs, Clock clock) {
    Map<String, CronSchedule> schedules =
        settings.schedules(jobs.stream().map(ScheduledJob::id).toList());
    if (!settings.enabled()) {
      List<JobStatus> disabled = JobRegistry.disabled(jobs, schedules);
      return new ClusterScheduler(
          system,
          null,
          settings,
          new SchedulerStatus(
              false, false, disabled.size(), disabled, null, settings.zone().getId()));
    }
    ActorRef<SchedulerActor.Command> proxy =
        ClusterSingleton.get(system)
            .init(
                SingletonActor.of(
                    Behaviors.supervise(
                            SchedulerActor.create(jobs, schedules, settings.zone(), clock))
                        .onFailure(SupervisorStrategy.restart()),
                    SINGLETON_NAME));
    return new ClusterScheduler(system, proxy, settings, null);
  }

  @Override
  public CompletionStage<SchedulerStatus> status() {
    if (singleton == null) {
      return CompletableFuture.completedFuture(disabledStatus);
    }
    return ask(SchedulerActor.GetStatus::new);
  }

  @Override
  public CompletionStage<TriggerResult> trigger(String jobId) {
    if (singleton == null) {
      return CompletableFuture.failedFuture(
          new SchedulerUnavailable(
              "the scheduler is disabled (enms.scheduler.enabled, ENMS_SCHEDULER_ENABLED)"));
    }
    return ask(replyTo -> new SchedulerActor.Trigger(jobId, replyTo));
  }

  private <T> CompletionStage<T> ask(
      org.apache.pekko.japi.function.Function<ActorRef<T>, SchedulerActor.Command> message) {
    return AskPattern.ask(singleton, message, settings.askTimeout(), system.scheduler())
        .exceptionally(
            e -> {
              throw new SchedulerUnavailable(
                  "the scheduler did not answer within "
                      + settings.askTimeout().toMillis()
                      + " ms: "
                      + e.getMessage());
            });
  }
}
