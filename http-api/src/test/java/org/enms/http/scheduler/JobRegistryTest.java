package org.enms.http.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class JobRegistryTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

  private record Job(String id, boolean atStart) implements ScheduledJob {
    @Override
    public String name() {
      return id + " job";
    }

    @Override
    public CompletionStage<String> run(Instant dueAt) {
      return CompletableFuture.completedFuture("done");
    }

    @Override
    public boolean runsAtStart() {
      return atStart;
    }
  }

  private static final ScheduledJob HOURLY = new Job("hourly", false);
  private static final ScheduledJob CLEANUP = new Job("cleanup", true);
  private static final ScheduledJob KPI = new UnavailableJob("kpi", "KPI", "KPIs not built");
  private static final ScheduledJob MANUAL = new Job("manual", false);

  private static JobRegistry registry() {
    return new JobRegistry(
        List.of(HOURLY, CLEANUP, KPI, MANUAL),
        Map.of(
            "hourly", cron("5 * * * *"),
            "cleanup", cron("15 * * * *"),
            "kpi", cron("30 0 * * *"),
            "manual", cron("off")),
        T0);
  }

  private static CronSchedule cron(String expression) {
    return CronSchedule.parse(expression, ZoneOffset.UTC);
  }

  private static JobStatus status(JobRegistry r, String id) {
    return r.status().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void eachJobIsNextDueAtItsCronTimeAndNothingEarlier() {
    JobRegistry r = registry();

    assertThat(r.nextDue()).contains(T0.plusSeconds(5 * 60));
    assertThat(r.due(T0.plusSeconds(5 * 60 - 1))).isEmpty();
    List<JobRegistry.Started> due = r.due(T0.plusSeconds(5 * 60));

    assertThat(due).extracting(s -> s.job().id()).containsExactly("hourly");
    assertThat(due.get(0).dueAt()).isEqualTo(T0.plusSeconds(5 * 60));
    assertThat(status(r, "hourly").state()).isEqualTo("running");
    assertThat(status(r, "hourly").nextRun()).isEqualTo(Instant.parse("2026-11-27T11:05:00Z"));
    assertThat(r.nextDue()).contains(Instant.parse("2026-11-27T10:15:00Z"));
  }

  @Test
  void aJobDueManyTimesWhileNobodyLookedRunsOnceAndIsNextDueAfterNow() {
    JobRegistry r = registry();
    Instant late = Instant.parse("2026-11-27T15:07:00Z");

    List<JobRegistry.Started> due = r.due(late);

    assertThat(due).extracting(s -> s.job().id()).containsExactly("hourly", "cleanup");
    assertThat(due.get(0).dueAt())
        .as("the first missed time")
        .isEqualTo(Instant.parse("2026-11-27T10:05:00Z"));
    assertThat(status(r, "hourly").nextRun()).isEqualTo(Instant.parse("2026-11-27T16:05:00Z"));
    assertThat(status(r, "hourly").runs()).isEqualTo(1);
  }

  @Test
  void aJobStillRunningIsNeitherStartedAgainWhenDueNorWhenTriggered() {
    JobRegistry r = registry();
    r.due(Instant.parse("2026-11-27T10:05:00Z"));

    assertThat(r.due(Instant.parse("2026-11-27T11:05:00Z")))
        .extracting(s -> s.job().id())
        .doesNotContain("hourly");
    TriggerResult triggered =
        r.start("hourly", Instant.parse("2026-11-27T11:06:00Z"), JobRegistry.Cause.TRIGGER);

    assertThat(triggered.success()).isFalse();
    assertThat(triggered.refusal()).isEqualTo(TriggerResult.Refusal.RUNNING);
    assertThat(triggered.message()).contains("already running since 2026-11-27T10:05:00Z");
    JobStatus hourly = status(r, "hourly");
    assertThat(hourly.skippedRuns()).isEqualTo(1);
    assertThat(hourly.runs()).isEqualTo(1);
    assertThat(hourly.runningSince()).isEqualTo(Instant.parse("2026-11-27T10:05:00Z"));
    assertThat(hourly.nextRun()).isEqualTo(Instant.parse("2026-11-27T12:05:00Z"));
  }

  @Test
  void aFinishedRunIsRecordedAndTheJobCanRunAgain() {
    JobRegistry r = registry();
    r.due(Instant.parse("2026-11-27T10:05:00Z"));
    r.finish("hourly", Instant.parse("2026-11-27T10:05:02Z"), false, "database away");

    JobStatus hourly = status(r, "hourly");
    assertThat(hourly.state()).isEqualTo("scheduled");
    assertThat(hourly.runningSince()).isNull();
    assertThat(hourly.lastRun())
        .isEqualTo(
            new JobStatus.LastRun(
                Instant.parse("2026-11-27T10:05:00Z"),
                Instant.parse("2026-11-27T10:05:02Z"),
                "schedule",
                "failed",
                "database away"));
    assertThat(
            r.start("hourly", Instant.parse("2026-11-27T10:06:00Z"), JobRegistry.Cause.TRIGGER)
                .success())
        .isTrue();
    assertThat(status(r, "hourly").runs()).isEqualTo(2);
  }

  @Test
  void anUnknownJobIsNotFoundAndAnUnavailableOneSaysWhy() {
    JobRegistry r = registry();

    TriggerResult unknown = r.start("nope", T0, JobRegistry.Cause.TRIGGER);
    TriggerResult kpi = r.start("kpi", T0, JobRegistry.Cause.TRIGGER);

    assertThat(unknown.refusal()).isEqualTo(TriggerResult.Refusal.NOT_FOUND);
    assertThat(unknown.message()).contains("'nope' not found").contains("hourly");
    assertThat(kpi.refusal()).isEqualTo(TriggerResult.Refusal.UNAVAILABLE);
    assertThat(kpi.message()).isEqualTo("Job 'kpi' is not available: KPIs not built");
    JobStatus kpiStatus = status(r, "kpi");
    assertThat(kpiStatus.state()).isEqualTo("not available: KPIs not built");
    assertThat(kpiStatus.nextRun()).as("never due").isNull();
    assertThat(kpiStatus.cron()).isEqualTo("30 0 * * *");
    assertThat(r.due(Instant.parse("2026-11-28T00:30:00Z")))
        .extracting(s -> s.job().id())
        .doesNotContain("kpi");
  }

  @Test
  void aJobThatIsOffRunsOnlyWhenTriggered() {
    JobRegistry r = registry();

    assertThat(status(r, "manual").state()).isEqualTo("off");
    assertThat(status(r, "manual").nextRun()).isNull();
    assertThat(r.due(Instant.parse("2026-12-31T00:00:00Z")))
        .extracting(s -> s.job().id())
        .doesNotContain("manual");
    assertThat(r.start("manual", T0, JobRegistry.Cause.TRIGGER).success()).isTrue();
  }

  @Test
  void onlyTheCleanUpRunsAtStart() {
    assertThat(registry().atStart()).containsExactly(CLEANUP);
  }
}
