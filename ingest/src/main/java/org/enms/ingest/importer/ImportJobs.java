package org.enms.ingest.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.enms.core.json.Json;
import org.enms.db.ImportJobDao;
import org.enms.db.ImportJobRow;

/**
 * The imports started through the API and where they stand, kept in the database ({@code
 * import_jobs}), so that any node answers for any job, also after the node that ran it restarted.
 * The node running a job writes its progress at most once a second and its outcome at the end, and
 * renews its jobs' heartbeat ({@link #renewLeases}, every {@link #RENEW_EVERY}). A job whose node
 * stopped (a crash, a restart) is marked failed: at once when that node starts again under the same
 * name ({@link #failAbandoned} at start), otherwise once its heartbeat is older than {@link
 * #LEASE}. The rows it committed stay, and importing the file again completes it (writes are
 * idempotent). The newest {@code kept} finished jobs are kept. Blocking (JDBC); thread-safe.
 */
public final class ImportJobs {
  /** How often a node renews the heartbeat of the jobs it runs or queues. */
  public static final Duration RENEW_EVERY = Duration.ofSeconds(10);

  /** A queued or running job without a heartbeat for this long lost its node. */
  public static final Duration LEASE = Duration.ofMinutes(1);

  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);
  private static final String INTERRUPTED =
      "interrupted: the node running this import stopped before it finished (a restart or a"
          + " crash); the rows it committed are stored, and importing the file again completes it"
          + " (rows already stored are skipped)";

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
   * @param summary set when the job succeeded: the {@link ImportSummary} as JSON
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
      JsonNode summary,
      String error,
      List<InvalidImportSpecException.Problem> problems) {}

  private final ImportJobDao dao;
  private final int kept;
  private final Clock clock;
  private final String owner;

  /** This node's jobs not finished yet: the ones whose heartbeat it renews. */
  private final java.util.Set<UUID> active = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * @param owner this node's name, the same after a restart (its cluster address), so its jobs from
   *     before a restart are known as interrupted at once
   */
  public ImportJobs(ImportJobDao dao, int kept, Clock clock, String owner) {
    this.dao = dao;
    this.kept = kept;
    this.clock = clock;
    this.owner = owner;
  }

  /** A new queued job of this node. */
  public Job create(String file, String machine) {
    Job job = new Job(UUID.randomUUID(), clock.instant());
    dao.insert(job.id, file, machine, owner, job.createdAt);
    active.add(job.id);
    return job;
  }

  /** A job of any node; an abandoned one is marked failed first. */
  public Optional<JobView> view(String id) {
    UUID jobId;
    try {
      jobId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    Optional<ImportJobRow> row = dao.byId(jobId, LEASE);
    if (row.isPresent() && row.get().abandoned()) {
      dao.failAbandoned(LEASE, null, INTERRUPTED, clock.instant());
      row = dao.byId(jobId, LEASE);
    }
    return row.map(ImportJobs::view);
  }

  /**
   * Renews the heartbeat of this node's queued and running jobs; call every {@link #RENEW_EVERY}. A
   * job whose outcome could not be written (the database was away) is no longer renewed, so it is
   * marked failed once its lease lapses instead of staying "running".
   */
  public void renewLeases() {
    dao.renew(java.util.List.copyOf(active));
  }

  /**
   * Marks failed the jobs this node ran before it restarted, and any other node's whose heartbeat
   * lapsed; call at start.
   *
   * @return how many
   */
  public int failAbandoned() {
    return dao.failAbandoned(LEASE, owner, INTERRUPTED, clock.instant());
  }

  private static JobView view(ImportJobRow r) {
    State state = State.valueOf(r.status().toUpperCase(Locale.ROOT));
    return new JobView(
        r.jobId().toString(),
        state,
        r.file(),
        r.machine(),
        r.rowsRead(),
        r.rowsImported(),
        r.rowsRejected(),
        state == State.SUCCEEDED ? 100 : Math.round(r.progressPercent() * 10) / 10.0,
        r.createdAt(),
        r.finishedAt(),
        r.summaryJson() == null ? null : read(r.summaryJson(), new TypeReference<JsonNode>() {}),
        r.error(),
        r.problemsJson() == null
            ? List.of()
            : read(
                r.problemsJson(),
                new TypeReference<List<InvalidImportSpecException.Problem>>() {}));
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return Json.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable import job JSON: " + e.getMessage(), e);
    }
  }

  private static String write(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write import job JSON: " + e.getMessage(), e);
    }
  }

  /** One import of this node; its runner reports progress and the outcome here. */
  public final class Job {
    private final UUID id;
    private final Instant createdAt;
    private long lastWrite = Long.MIN_VALUE;
    private ImportProgress last = new ImportProgress(0, 0, 0, 0, 0);

    private Job(UUID id, Instant createdAt) {
      this.id = id;
      this.createdAt = createdAt;
    }

    public String id() {
      return id.toString();
    }

    /** Written at the first call, then at most once a second. */
    public synchronized void progress(ImportProgress p) {
      last = p;
      long now = System.nanoTime();
      if (lastWrite != Long.MIN_VALUE && now - lastWrite < PROGRESS_EVERY.toNanos()) {
        return;
      }
      lastWrite = now;
      dao.progress(id, p.rowsRead(), p.rowsAccepted(), p.rowsRejected(), Math.max(0, p.percent()));
    }

    public void succeeded(ImportSummary s) {
      try {
        dao.finish(
            id,
            "succeeded",
            s.rowsRead(),
            s.rowsImported(),
            s.rowsRejected(),
            100,
            clock.instant(),
            write(s),
            null,
            null);
      } finally {
        active.remove(id);
      }
      dao.prune(kept);
    }

    public void failed(String message, List<InvalidImportSpecException.Problem> why) {
      ImportProgress p;
      synchronized (this) {
        p = last;
      }
      try {
        dao.finish(
            id,
            "failed",
            p.rowsRead(),
            p.rowsAccepted(),
            p.rowsRejected(),
            Math.max(0, p.percent()),
            clock.instant(),
            null,
            message,
            why.isEmpty() ? null : write(why));
      } finally {
        active.remove(id);
      }
      dao.prune(kept);
    }

    /** Where the job stands, as stored. */
    public JobView view() {
      return ImportJobs.this.view(id()).orElseThrow();
    }
  }
}
