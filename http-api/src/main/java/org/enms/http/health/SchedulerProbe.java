package org.enms.http.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.enms.http.scheduler.Scheduler;
import org.enms.http.scheduler.SchedulerStatus;

/**
 * The scheduler in health, in the original's shape: {@code enabled}, {@code running}, {@code
 * job_count} and {@code jobs[{id, name, next_run, trigger}]}. Always healthy: periodic jobs are not
 * what a load balancer should judge a node by, so a scheduler that does not answer (its node is
 * being replaced) shows {@code running: false} and does not make the node degraded.
 */
public final class SchedulerProbe implements HealthProbe {
  /** Less than {@link HealthRoutes#PROBE_TIMEOUT}, so the probe answers before it is cut off. */
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final Scheduler scheduler;
  private final boolean enabled;

  /** {@code enabled}: as configured, shown when the scheduler does not answer. */
  public SchedulerProbe(Scheduler scheduler, boolean enabled) {
    this.scheduler = scheduler;
    this.enabled = enabled;
  }

  /** The original's scheduler object. */
  public record Details(boolean enabled, boolean running, int jobCount, List<Job> jobs) {}

  /** One job as the original's health lists it. */
  public record Job(String id, String name, Instant nextRun, String trigger) {}

  @Override
  public String name() {
    return "scheduler";
  }

  @Override
  public CompletionStage<Result> check() {
    return scheduler
        .status()
        .toCompletableFuture()
        .orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .thenApply(SchedulerProbe::details)
        .exceptionally(e -> new Details(enabled, false, 0, List.of()))
        .thenApply(details -> new Result(true, details));
  }

  private static Details details(SchedulerStatus s) {
    return new Details(
        s.enabled(),
        s.running(),
        s.jobCount(),
        s.jobs().stream().map(j -> new Job(j.id(), j.name(), j.nextRun(), j.trigger())).toList());
  }
}
