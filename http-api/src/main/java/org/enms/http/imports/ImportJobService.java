package org.enms.http.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.typed.Cluster;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.ImportJobDao;
import org.enms.db.RollupRefresher;
import org.enms.ingest.importer.DatabaseImporter;
import org.enms.ingest.importer.ImportJobs;
import org.enms.ingest.importer.ImportSettings;
import org.enms.ingest.importer.ImportSource;
import org.enms.ingest.importer.ImportSpecParser;
import org.enms.ingest.importer.InvalidImportSpecException;
import org.enms.ingest.port.LiveStateReload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.concurrent.ExecutionContext;

/**
 * The API's import port over the ingest importer. The options, the machine and the beginning of the
 * file are checked before the job is accepted (so mistakes answer 422 at once); the import then
 * runs on the blocking dispatcher and reports into {@link ImportJobs}, which keeps jobs in the
 * database, so any node answers for them, also after a restart. The uploaded file is deleted when
 * the job ends or is refused.
 */
public final class ImportJobService implements ImportService {
  private static final Logger log = LoggerFactory.getLogger(ImportJobService.class);

  private final DatabaseImporter importer;
  private final ImportJobs jobs;
  private final BlockingIo io;
  private final BlockingIo runner;

  /**
   * @param io where an upload is checked, so a bad one is answered at once even while a job runs
   * @param runner where jobs run; a single thread makes them wait their turn as {@code queued}
   */
  public ImportJobService(
      DatabaseImporter importer, ImportJobs jobs, BlockingIo io, BlockingIo runner) {
    this.importer = importer;
    this.jobs = jobs;
    this.io = io;
    this.runner = runner;
  }

  /**
   * Imports into {@code database}. Jobs run one at a time on {@code runner} and write on {@code
   * writers}, apart from the pool that commits live ingest: a job waits for its writers, and on a
   * shared pool enough concurrent uploads would take every thread and stall ingest with them.
   * Roll-ups go through the node's own refresher, so its advisory lock serialises them with the
   * periodic refresh. {@code live} is told when a job stored new rows of today.
   *
   * <p>Jobs are owned by this node under its cluster address, which stays the same across a
   * restart: jobs it ran before are marked interrupted now, and a heartbeat renewed every {@link
   * ImportJobs#RENEW_EVERY} tells the other nodes that its jobs are still alive.
   */
  public static ImportJobService create(
      ActorSystem<?> system,
      ImportSettings settings,
      Database database,
      RollupRefresher rollups,
      LiveStateReload live,
      BlockingIo io,
      BlockingIo runner,
      BlockingIo writers) {
    var importer =
        new DatabaseImporter(
            database, rollups, settings, Clock.systemUTC(), writers.executor(), live);
    var jobs =
        new ImportJobs(
            new ImportJobDao(database),
            settings.jobsKept(),
            Clock.systemUTC(),
            Cluster.get(system).selfMember().address().toString());
    io.call(jobs::failAbandoned)
        .whenComplete(
            (n, e) -> {
              if (e != null) {
                log.warn("import jobs of an earlier run not checked: {}", e.toString());
              } else if (n > 0) {
                log.info("{} import jobs of stopped nodes marked interrupted", n);
              }
            });
    system
        .scheduler()
        .scheduleWithFixedDelay(
            ImportJobs.RENEW_EVERY,
            ImportJobs.RENEW_EVERY,
            () -> {
              try {
                jobs.renewLeases();
              } catch (RuntimeException e) {
                log.warn("import job heartbeat failed, will retry: {}", e.getMessage());
              }
            },
            ExecutionContext.fromExecutor(io.executor()));
    return new ImportJobService(importer, jobs, io, runner);
  }

  @Override
  public CompletionStage<ImportJobStatus> start(
      Path upload, String fileName, Map<String, String> fields) {
    return io.call(
        () -> {
          DatabaseImporter.Ready ready;
          try {
            ready = importer.prepare(ImportSpecParser.parse(fields), named(upload, fileName));
          } catch (InvalidImportSpecException e) {
            delete(upload);
            throw new InvalidImportRequest(
                e.problems().stream()
                    .map(p -> new InvalidImportRequest.Problem(p.field(), p.message()))
                    .toList());
          } catch (IOException | RuntimeException e) {
            delete(upload);
            throw new CompletionException(e);
          }
          ImportJobs.Job job = jobs.create(fileName, ready.machine().name());
          runner.call(() -> run(job, ready, upload));
          return toStatus(job.view());
        });
  }

  private Void run(ImportJobs.Job job, DatabaseImporter.Ready ready, Path upload) {
    try {
      job.succeeded(importer.run(ready, job::progress));
    } catch (InvalidImportSpecException e) {
      job.failed(e.getMessage(), e.problems());
    } catch (IOException | RuntimeException e) {
      log.warn("import job={} file={} failed", job.id(), ready.file().source().name(), e);
      job.failed(String.valueOf(e.getMessage()), List.of());
    } finally {
      delete(upload);
    }
    return null;
  }

  @Override
  public CompletionStage<Optional<ImportJobStatus>> status(String jobId) {
    return io.call(() -> jobs.view(jobId).map(ImportJobService::toStatus));
  }

  private static ImportJobStatus toStatus(ImportJobs.JobView v) {
    return new ImportJobStatus(
        v.jobId(),
        v.state().name().toLowerCase(java.util.Locale.ROOT),
        v.file(),
        v.machine(),
        v.rowsRead(),
        v.rowsImported(),
        v.rowsRejected(),
        v.progressPercent(),
        v.createdAt(),
        v.finishedAt(),
        v.summary(),
        v.error(),
        v.problems().isEmpty() ? null : v.problems());
  }

  /** The upload under the name the client gave it, for the summary. */
  private static ImportSource named(Path upload, String fileName) {
    ImportSource file = ImportSource.of(upload);
    return new ImportSource() {
      @Override
      public java.io.BufferedReader open() throws IOException {
        return file.open();
      }

      @Override
      public long size() {
        return file.size();
      }

      @Override
      public String name() {
        return fileName;
      }
    };
  }

  private static void delete(Path upload) {
    try {
      Files.deleteIfExists(upload);
    } catch (IOException e) {
      log.debug("could not delete upload {}", upload, e);
    }
  }
}
