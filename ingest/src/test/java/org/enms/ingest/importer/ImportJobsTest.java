package org.enms.ingest.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.enms.db.ImportJobDao;
import org.enms.db.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Import jobs kept in the database: read by any node, and interrupted when their node stops. */
class ImportJobsTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  private static ImportJobs node(String name) {
    return new ImportJobs(new ImportJobDao(pg.database()), 10, Clock.systemUTC(), name);
  }

  private static ImportSummary summary() throws IOException {
    var sink =
        new ImportSink() {
          @Override
          public void write(List<org.enms.core.reading.Reading> batch) {}

          @Override
          public Totals finish() {
            return new Totals(2, 2);
          }
        };
    return new CsvImporter(
            ImportSpec.builder("Compressor-1", ValueKind.ENERGY_KWH).build(),
            UUID.randomUUID(),
            ImportWindow.unrestricted(Instant.now(), Duration.ofMinutes(5)),
            10)
        .run(
            ImportSource.ofText("meter.csv", "t,kwh\n2024-01-01 00:15,1\n2024-01-01 00:30,1\n"),
            sink,
            p -> {});
  }

  @Test
  void anyNodeReadsAJobsProgressAndSummaryFromTheDatabase() throws IOException {
    ImportJobs.Job job = node("node-a").create("meter.csv", "Compressor-1");
    ImportJobs other = node("node-b");
    assertThat(other.view(job.id()).orElseThrow().state()).isEqualTo(ImportJobs.State.QUEUED);

    job.progress(new ImportProgress(10, 9, 1, 500, 1000));
    var running = other.view(job.id()).orElseThrow();
    assertThat(running.state()).isEqualTo(ImportJobs.State.RUNNING);
    assertThat(running.rowsImported()).isEqualTo(9);
    assertThat(running.progressPercent()).isEqualTo(50.0);

    job.succeeded(summary());
    var done = other.view(job.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(ImportJobs.State.SUCCEEDED);
    assertThat(done.progressPercent()).isEqualTo(100.0);
    assertThat(done.rowsImported()).isEqualTo(2);
    assertThat(done.summary().get("rows_imported").asLong()).isEqualTo(2);
    assertThat(done.summary().get("file").asText()).isEqualTo("meter.csv");
    assertThat(done.finishedAt()).isNotNull();
  }

  @Test
  void aFailedJobKeepsItsErrorAndTheProblemsWithTheFile() {
    ImportJobs.Job job = node("node-a").create("meter.csv", "Compressor-1");
    job.failed(
        "day_first: ambiguous",
        List.of(new InvalidImportSpecException.Problem("day_first", "ambiguous")));

    var failed = node("node-c").view(job.id()).orElseThrow();
    assertThat(failed.state()).isEqualTo(ImportJobs.State.FAILED);
    assertThat(failed.error()).isEqualTo("day_first: ambiguous");
    assertThat(failed.problems())
        .containsExactly(new InvalidImportSpecException.Problem("day_first", "ambiguous"));
  }

  @Test
  void theJobsANodeRanBeforeItRestartedAreInterruptedWhenItStartsAgain() {
    ImportJobs.Job job = node("pekko://enms@10.0.0.7:25520").create("big.csv", "Compressor-1");
    job.progress(new ImportProgress(10, 10, 0, 10, 1000));

    ImportJobs restarted = node("pekko://enms@10.0.0.7:25520");
    assertThat(restarted.failAbandoned()).isEqualTo(1);

    var view = node("node-b").view(job.id()).orElseThrow();
    assertThat(view.state()).isEqualTo(ImportJobs.State.FAILED);
    assertThat(view.error()).startsWith("interrupted: the node running this import stopped");
    assertThat(view.rowsImported()).isEqualTo(10);
  }

  @Test
  void aJobWhoseNodeStoppedRenewingIsReportedInterruptedByAnyNode() {
    ImportJobs gone = node("node-gone");
    ImportJobs.Job job = gone.create("big.csv", "Compressor-1");
    ImportJobs alive = node("node-alive");
    ImportJobs.Job kept = alive.create("small.csv", "Compressor-1");
    pg.database()
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE import_jobs SET heartbeat_at = now() - interval '2 minutes'"
                        + " WHERE owner IN ('node-gone', 'node-alive')"));
    alive.renewLeases();

    assertThat(alive.view(job.id()).orElseThrow().state()).isEqualTo(ImportJobs.State.FAILED);
    assertThat(alive.view(kept.id()).orElseThrow().state()).isEqualTo(ImportJobs.State.QUEUED);
  }

  @Test
  void anUnknownOrMalformedIdIsNotFound() {
    assertThat(node("node-a").view(UUID.randomUUID().toString())).isEmpty();
    assertThat(node("node-a").view("not-a-job")).isEmpty();
  }
}
