package org.enms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.enms.core.plant.DemoPlant;
import org.enms.db.TrainingHistoryDao.Completed;
import org.enms.db.TrainingHistoryDao.NewTraining;
import org.enms.db.TrainingHistoryDao.TrainingRow;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TrainingHistoryDaoTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static final UUID HVAC = DemoPlant.machineId(2);
  private static final Instant FROM = Instant.parse("2026-10-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-10-31T00:00:00Z");

  private final TrainingHistoryDao dao = new TrainingHistoryDao(pg.database());

  private UUID pending(String trigger) {
    return dao.insertPending(
        new NewTraining(
            "baseline",
            HVAC,
            FROM,
            TO,
            Map.of("drivers", List.of("total_production_count")),
            trigger,
            "test",
            Map.of("job", "baseline_retrain")));
  }

  private static void age(UUID job, Duration by) {
    pg.database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE model_training_history"
                            + " SET created_at = created_at - CAST(:by AS interval) WHERE id = :id")
                    .bind("by", by.toSeconds() + " seconds")
                    .bind("id", job)
                    .execute());
  }

  @Test
  void aJobGoesFromPendingThroughRunningToCompletedWithItsModelAndMetrics() {
    UUID job = pending("scheduled");
    TrainingRow created = dao.byId(job).orElseThrow();
    assertThat(created.status()).isEqualTo("pending");
    assertThat(created.triggerType()).isEqualTo("scheduled");
    assertThat(created.dataStart()).isEqualTo(FROM);
    assertThat(created.metadata()).containsEntry("job", "baseline_retrain");

    assertThat(dao.markRunning(job, 10)).isTrue();
    TrainingRow running = dao.byId(job).orElseThrow();
    assertThat(running.status()).isEqualTo("running");
    assertThat(running.trainingStart()).isNotNull();
    assertThat(running.progressPercent()).isEqualTo(10.0);

    assertThat(
            dao.complete(
                job,
                new Completed(
                    null,
                    3,
                    720,
                    List.of("total_production_count", "heating_degree_hours"),
                    Map.of("r_squared", 0.93, "cv_rmse", 8.1),
                    0.93,
                    1.2,
                    0.9)))
        .isTrue();
    TrainingRow done = dao.byId(job).orElseThrow();
    assertThat(done.status()).isEqualTo("completed");
    assertThat(done.modelVersion()).isEqualTo(3);
    assertThat(done.trainingSamples()).isEqualTo(720);
    assertThat(done.featureNames())
        .containsExactly("total_production_count", "heating_degree_hours");
    assertThat(done.metrics()).containsEntry("cv_rmse", 8.1);
    assertThat(done.progressPercent()).isEqualTo(100.0);
    assertThat(done.durationSeconds()).isNotNull().isGreaterThanOrEqualTo(0.0);
    assertThat(dao.fail(job, "too late")).as("a finished job stays finished").isFalse();
    assertThat(dao.byId(job).orElseThrow().status()).isEqualTo("completed");
  }

  @Test
  void aFailedJobKeepsItsError() {
    UUID job = pending("manual");
    dao.markRunning(job, 10);

    assertThat(dao.fail(job, "Insufficient data: 2 days")).isTrue();

    TrainingRow failed = dao.byId(job).orElseThrow();
    assertThat(failed.status()).isEqualTo("failed");
    assertThat(failed.errorMessage()).isEqualTo("Insufficient data: 2 days");
    assertThat(failed.trainingEnd()).isNotNull();
  }

  @Test
  void theCleanUpFailsOnlyJobsUnfinishedForLongerThanTheTimeout() {
    UUID stuckRunning = pending("scheduled");
    dao.markRunning(stuckRunning, 10);
    age(stuckRunning, Duration.ofMinutes(31));
    UUID stuckPending = pending("manual");
    age(stuckPending, Duration.ofHours(5));
    UUID fresh = pending("manual");
    dao.markRunning(fresh, 10);
    UUID oldButDone = pending("manual");
    dao.fail(oldButDone, "refused");
    age(oldButDone, Duration.ofHours(5));

    List<TrainingRow> failed = dao.failStuck(Duration.ofMinutes(30), "Job timed out");

    assertThat(failed)
        .extracting(TrainingRow::id)
        .containsExactlyInAnyOrder(stuckRunning, stuckPending);
    assertThat(failed).allSatisfy(r -> assertThat(r.status()).isEqualTo("failed"));
    assertThat(dao.byId(stuckRunning).orElseThrow().errorMessage()).isEqualTo("Job timed out");
    assertThat(dao.byId(fresh).orElseThrow().status()).isEqualTo("running");
    assertThat(dao.byId(oldButDone).orElseThrow().errorMessage()).isEqualTo("refused");
    assertThat(dao.complete(stuckRunning, new Completed(null, 1, 1, List.of(), Map.of(), 0, 0, 0)))
        .as("a job failed by the clean-up is not completed by its late node")
        .isFalse();
  }

  @Test
  void aMachineWithAnUnfinishedJobGetsNoSecondOne() throws Exception {
    NewTraining retrain =
        new NewTraining("baseline", HVAC, FROM, TO, Map.of(), "manual", "api", Map.of());
    // Several callers at once: the advisory lock lets exactly one create the job.
    List<java.util.concurrent.CompletableFuture<TrainingHistoryDao.PendingClaim>> calls =
        new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      calls.add(
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> dao.insertPendingIfIdle(retrain)));
    }
    List<TrainingHistoryDao.PendingClaim> claims =
        calls.stream().map(java.util.concurrent.CompletableFuture::join).toList();

    assertThat(claims).filteredOn(TrainingHistoryDao.PendingClaim::created).hasSize(1);
    UUID job = claims.stream().filter(c -> c.created()).findFirst().orElseThrow().jobId();
    assertThat(claims).allSatisfy(c -> assertThat(c.jobId()).isEqualTo(job));
    assertThat(dao.byId(job).orElseThrow().status()).isEqualTo("pending");
    // Another machine, or another model type, is not held up.
    assertThat(
            dao.insertPendingIfIdle(
                    new NewTraining(
                        "baseline",
                        DemoPlant.machineId(4),
                        FROM,
                        TO,
                        Map.of(),
                        "manual",
                        "api",
                        Map.of()))
                .created())
        .isTrue();

    dao.fail(job, "refused");

    TrainingHistoryDao.PendingClaim after = dao.insertPendingIfIdle(retrain);
    assertThat(after.created()).as("a finished job holds nothing up").isTrue();
    assertThat(after.jobId()).isNotEqualTo(job);
  }
}
