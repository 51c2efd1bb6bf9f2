package org.enms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ImportJobDaoTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static final Duration LEASE = Duration.ofMinutes(1);
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

  private static ImportJobDao dao() {
    return new ImportJobDao(pg.database());
  }

  private static void ageHeartbeat(UUID job, Duration by) {
    pg.database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE import_jobs SET heartbeat_at = heartbeat_at - CAST(:by AS interval)"
                            + " WHERE job_id = :id")
                    .bind("by", by.toSeconds() + " seconds")
                    .bind("id", job)
                    .execute());
  }

  @Test
  void aJobGoesFromQueuedThroughRunningToSucceededWithItsSummary() {
    UUID job = UUID.randomUUID();
    dao().insert(job, "meter.csv", "Compressor-1", "node-a", T0);
    assertThat(dao().byId(job, LEASE).orElseThrow().status()).isEqualTo("queued");

    dao().progress(job, 100, 90, 10, 42.5);
    ImportJobRow running = dao().byId(job, LEASE).orElseThrow();
    assertThat(running.status()).isEqualTo("running");
    assertThat(running.rowsImported()).isEqualTo(90);
    assertThat(running.progressPercent()).isEqualTo(42.5);
    assertThat(running.abandoned()).isFalse();

    dao()
        .finish(
            job,
            "succeeded",
            200,
            190,
            10,
            100,
            T0.plusSeconds(5),
            "{\"rows_read\": 200}",
            null,
            null);
    ImportJobRow done = dao().byId(job, LEASE).orElseThrow();
    assertThat(done.status()).isEqualTo("succeeded");
    assertThat(done.summaryJson()).isEqualTo("{\"rows_read\": 200}");
    assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(done.createdAt()).isEqualTo(T0);
    assertThat(done.active()).isFalse();
  }

  @Test
  void aJobWhoseOwnerStoppedRenewingIsAbandonedAndMarkedFailed() {
    UUID kept = UUID.randomUUID();
    UUID lost = UUID.randomUUID();
    dao().insert(kept, "a.csv", "Compressor-1", "node-a", T0);
    dao().insert(lost, "b.csv", "Compressor-1", "node-b", T0);
    ageHeartbeat(kept, Duration.ofMinutes(2));
    ageHeartbeat(lost, Duration.ofMinutes(2));

    assertThat(dao().renew(java.util.List.of(kept))).isEqualTo(1);
    assertThat(dao().byId(lost, LEASE).orElseThrow().abandoned()).isTrue();
    assertThat(dao().failAbandoned(LEASE, null, "interrupted", T0)).isEqualTo(1);

    ImportJobRow failed = dao().byId(lost, LEASE).orElseThrow();
    assertThat(failed.status()).isEqualTo("failed");
    assertThat(failed.error()).isEqualTo("interrupted");
    assertThat(failed.abandoned()).isFalse();
    assertThat(dao().byId(kept, LEASE).orElseThrow().status()).isEqualTo("queued");
  }

  @Test
  void aRestartedOwnersJobsFailAtOnceWhateverTheirHeartbeat() {
    UUID job = UUID.randomUUID();
    dao().insert(job, "a.csv", "Compressor-1", "node-restarted", T0);
    dao().progress(job, 1, 1, 0, 1);

    assertThat(dao().failAbandoned(LEASE, "node-restarted", "interrupted", T0)).isEqualTo(1);

    assertThat(dao().byId(job, LEASE).orElseThrow().status()).isEqualTo("failed");
  }

  @Test
  void pruneKeepsTheNewestFinishedJobsAndEveryActiveOne() {
    UUID active = UUID.randomUUID();
    dao().insert(active, "x.csv", "Compressor-1", "node-p", T0);
    UUID[] finished = new UUID[4];
    for (int i = 0; i < finished.length; i++) {
      finished[i] = UUID.randomUUID();
      dao().insert(finished[i], "f.csv", "Compressor-1", "node-p", T0);
      dao().finish(finished[i], "failed", 0, 0, 0, 0, T0.plusSeconds(1000 + i), null, "bad", "[]");
    }

    dao().prune(2);

    assertThat(dao().byId(active, LEASE)).isPresent();
    assertThat(dao().byId(finished[0], LEASE)).isEmpty();
    assertThat(dao().byId(finished[1], LEASE)).isEmpty();
    assertThat(dao().byId(finished[2], LEASE)).isPresent();
    assertThat(dao().byId(finished[3], LEASE)).isPresent();
  }
}
