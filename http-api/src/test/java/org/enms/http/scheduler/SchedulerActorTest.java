package org.enms.http.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler actor under manual time, with a clock the test moves in step: jobs start when due,
 * the clean-up at start, a running job is not started twice, and triggers are answered.
 */
class SchedulerActorTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

  private final ActorTestKit testKit =
      ActorTestKit.create(
          ManualTime.config()
              .withFallback(ConfigFactory.parseString("pekko.actor.provider = local"))
              .withFallback(ConfigFactory.load()));
  private final ManualTime time = ManualTime.get(testKit.system());
  private final MovableClock clock = new MovableClock(T0);

  @AfterEach
  void stop() {
    testKit.shutdownTestKit();
  }

  /** A wall clock that moves only when the test says so. */
  private static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** A job whose runs the test sees and ends. */
  private record Job(String id, boolean runsAtStart, BlockingQueue<Run> runs)
      implements ScheduledJob {
    Job(String id, boolean runsAtStart) {
      this(id, runsAtStart, new LinkedBlockingQueue<>());
    }

    @Override
    public String name() {
      return id;
    }

    @Override
    public CompletionStage<String> run(Instant dueAt) {
      Run run = new Run(dueAt, new CompletableFuture<>());
      runs.add(run);
      return run.done();
    }

    Run nextRun() throws InterruptedException {
      Run run = runs.poll(5, TimeUnit.SECONDS);
      assertThat(run).as("a run of " + id).isNotNull();
      return run;
    }
  }

  private record Run(Instant dueAt, CompletableFuture<String> done) {}

  private final Job hourly = new Job("hourly", false);
  private final Job cleanup = new Job("cleanup", true);

  /** A scheduler that has started: its first due times are taken from the clock at T0. */
  private ActorRef<SchedulerActor.Command> scheduler() {
    ActorRef<SchedulerActor.Command> scheduler = spawn();
    // Answered only after setup, so time moved from here on is after the start.
    assertThat(status(scheduler, "hourly").nextRun())
        .isEqualTo(Instant.parse("2026-11-27T10:05:00Z"));
    return scheduler;
  }

  private ActorRef<SchedulerActor.Command> spawn() {
    return testKit.spawn(
        SchedulerActor.create(
            List.of(hourly, cleanup),
            Map.of(
                "hourly", CronSchedule.parse("5 * * * *", ZoneOffset.UTC),
                "cleanup", CronSchedule.parse("off", ZoneOffset.UTC)),
            ZoneOffset.UTC,
            clock));
  }

  /** Moves the wall clock and the actors' timers together. */
  private void passes(Duration d) {
    clock.now = clock.now.plus(d);
    time.timePasses(d);
  }

  private JobStatus status(ActorRef<SchedulerActor.Command> scheduler, String id) {
    TestProbe<SchedulerStatus> probe = testKit.createTestProbe();
    scheduler.tell(new SchedulerActor.GetStatus(probe.ref()));
    return probe.receiveMessage().jobs().stream()
        .filter(j -> j.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private TriggerResult trigger(ActorRef<SchedulerActor.Command> scheduler, String id) {
    TestProbe<TriggerResult> probe = testKit.createTestProbe();
    scheduler.tell(new SchedulerActor.Trigger(id, probe.ref()));
    return probe.receiveMessage();
  }

  @Test
  void runsTheCleanUpAtStartAndEachJobWhenItIsDue() throws Exception {
    var scheduler = scheduler();
    assertThat(cleanup.nextRun().dueAt()).isEqualTo(T0);

    passes(Duration.ofMinutes(4));
    assertThat(status(scheduler, "hourly").runs()).isZero();
    passes(Duration.ofMinutes(1));

    Run run = hourly.nextRun();
    assertThat(run.dueAt()).isEqualTo(Instant.parse("2026-11-27T10:05:00Z"));
    run.done().complete("checked 3 machines");
    testKit
        .createTestProbe()
        .awaitAssert(
            () -> {
              JobStatus s = status(scheduler, "hourly");
              assertThat(s.lastRun().outcome()).isEqualTo("succeeded");
              assertThat(s.lastRun().message()).isEqualTo("checked 3 machines");
              assertThat(s.nextRun()).isEqualTo(Instant.parse("2026-11-27T11:05:00Z"));
              return null;
            });
  }

  @Test
  void aJobStillRunningIsNotStartedAgainWhenDueOrTriggered() throws Exception {
    var scheduler = scheduler();
    passes(Duration.ofMinutes(5));
    Run first = hourly.nextRun();

    passes(Duration.ofHours(1));
    TriggerResult again = trigger(scheduler, "hourly");

    assertThat(again.refusal()).isEqualTo(TriggerResult.Refusal.RUNNING);
    JobStatus s = status(scheduler, "hourly");
    assertThat(s.state()).isEqualTo("running");
    assertThat(s.skippedRuns()).isEqualTo(1);
    assertThat(hourly.runs()).isEmpty();

    first.done().completeExceptionally(new IllegalStateException("database away"));
    testKit
        .createTestProbe()
        .awaitAssert(
            () -> {
              assertThat(status(scheduler, "hourly").lastRun().message())
                  .isEqualTo("database away");
              return null;
            });
    assertThat(trigger(scheduler, "hourly").success()).isTrue();
    assertThat(hourly.nextRun().dueAt()).as("a triggered run is due now").isEqualTo(clock.now);
  }

  @Test
  void answersAnUnknownJobWithNotFound() {
    var scheduler = scheduler();

    TriggerResult unknown = trigger(scheduler, "kpi_calculat");

    assertThat(unknown.success()).isFalse();
    assertThat(unknown.refusal()).isEqualTo(TriggerResult.Refusal.NOT_FOUND);
  }
}
