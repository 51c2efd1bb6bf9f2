package org.enms.ingest.importer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The imports started through the API and where they stand. Kept in memory on the node that runs
 * them: a restart forgets them (the rows they wrote stay, and importing the file again is
 * harmless), and a status request must reach the node that took the upload. The oldest finished
 * jobs are forgotten beyond {@code kept}. Thread-safe.
 */
public final class ImportJobs {
  /** Lifecycle of a job. */
  public enum State {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  /**
   * A job as reported.
   *
   * @param progressPercent 0–100 of the file read; 100 once finished
   * @param summary set when the job succeeded
   * @param error set when the job failed
   * @param problems set when the file did not fit its spec
   */
  public record JobView(
      String jobId,
      State state,
      String file,
      String machine,
      long rowsRead,
      long rowsImported,
      long rowsRejected,
      double progressPercent,
      Instant createdAt,
      Instant finishedAt,
      ImportSummary summary,
      String error,
      List<InvalidImportSpecException.Problem> problems) {}

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final Deque<String> finished = new ArrayDeque<>();
  private final int kept;
  private final Clock clock;

  public ImportJobs(int kept, Clock clock) {
    this.kept = kept;
    this.clock = clock;
  }

  public Job create(String file, String machine) {
    Job job = new Job(UUID.randomUUID().toString(), file, machine, clock.instant());
    jobs.put(job.id, job);
    return job;
  }

  public Optional<JobView> view(String id) {
    return Optional.ofNullable(jobs.get(id)).map(Job::view);
  }

  private void finished(String id) {
    synchronized (finished) {
      finished.addLast(id);
      while (finished.size() > kept) {
        jobs.remove(finished.removeFirst());
      }
    }
  }

  /** One import; its runner reports progress and the outcome here. */
  public final class Job {
    private final String id;
    private final String file;
    private final String machine;
    private final Instant createdAt;
    private State state = State.QUEUED;
    private ImportProgress progress = new ImportProgress(0, 0, 0, 0, 0);
    private Instant finishedAt;
    private ImportSummary summary;
    private String error;
    private List<InvalidImportSpecException.Problem> problems = List.of();

    private Job(String id, String file, String machine, Instant createdAt) {
      this.id = id;
      this.file = file;
      this.machine = machine;
      this.createdAt = createdAt;
    }

    public String id() {
      return id;
    }

    public synchronized void progress(ImportProgress p) {
      state = State.RUNNING;
      progress = p;
    }

    public void succeeded(ImportSummary s) {
      synchronized (this) {
        state = State.SUCCEEDED;
        summary = s;
        finishedAt = clock.instant();
      }
      finished(id);
    }

    public void failed(String message, List<InvalidImportSpecException.Problem> why) {
      synchronized (this) {
        state = State.FAILED;
        error = message;
        problems = List.copyOf(why);
        finishedAt = clock.instant();
      }
      finished(id);
    }

    public synchronized JobView view() {
      double percent = state == State.SUCCEEDED ? 100 : Math.max(0, progress.percent());
      long read = summary != null ? summary.rowsRead() : progress.rowsRead();
      long imported = summary != null ? summary.rowsImported() : progress.rowsAccepted();
      long rejected = summary != null ? summary.rowsRejected() : progress.rowsRejected();
      return new JobView(
          id,
          state,
          file,
          machine,
          read,
          imported,
          rejected,
          Math.round(percent * 10) / 10.0,
          createdAt,
          finishedAt,
          summary,
          error,
          problems);
    }
  }
}
