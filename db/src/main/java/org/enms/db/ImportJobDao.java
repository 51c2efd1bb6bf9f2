package org.enms.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code import_jobs} table: API import jobs, so that any node answers for them and they
 * outlive a restart. The node running a job renews its heartbeat; a queued or running job whose
 * heartbeat is older than the lease, or whose owner starts again, lost its node and is marked
 * failed. Heartbeats and leases use the database's clock, so nodes' clocks need not agree.
 */
public final class ImportJobDao {
  private static final String COLUMNS =
      """
      job_id, status, file, machine, owner, rows_read, rows_imported, rows_rejected,
      progress_percent, created_at, heartbeat_at, finished_at, summary::text AS summary, error,
      problems::text AS problems
      """;

  private final Jdbi jdbi;

  public ImportJobDao(Database database) {
    this.jdbi = database.jdbi();
  }

  /** A new job, queued. */
  public void insert(UUID jobId, String file, String machine, String owner, Instant createdAt) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO import_jobs (job_id, status, file, machine, owner, created_at,
                                             heartbeat_at)
                    VALUES (:id, 'queued', :file, :machine, :owner, :created, now())
                    """)
                .bind("id", jobId)
                .bind("file", file)
                .bind("machine", machine)
                .bind("owner", owner)
                .bind("created", Rows.utc(createdAt))
                .execute());
  }

  /** Progress of a running job; renews its heartbeat. */
  public void progress(
      UUID jobId, long rowsRead, long rowsImported, long rowsRejected, double percent) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    UPDATE import_jobs
                    SET status = 'running', rows_read = :read, rows_imported = :imported,
                        rows_rejected = :rejected, progress_percent = :percent,
                        heartbeat_at = now()
                    WHERE job_id = :id AND status IN ('queued', 'running')
                    """)
                .bind("id", jobId)
                .bind("read", rowsRead)
                .bind("imported", rowsImported)
                .bind("rejected", rowsRejected)
                .bind("percent", percent)
                .execute());
  }

  /**
   * The outcome of a job: {@code succeeded} with its summary, or {@code failed} with the error and
   * the problems (JSON).
   */
  public void finish(
      UUID jobId,
      String status,
      long rowsRead,
      long rowsImported,
      long rowsRejected,
      double percent,
      Instant finishedAt,
      String summaryJson,
      String error,
      String problemsJson) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    UPDATE import_jobs
                    SET status = :status, rows_read = :read, rows_imported = :imported,
                        rows_rejected = :rejected, progress_percent = :percent,
                        finished_at = :finished, heartbeat_at = now(),
                        summary = CAST(:summary AS jsonb), error = :error,
                        problems = CAST(:problems AS jsonb)
                    WHERE job_id = :id
                    """)
                .bind("id", jobId)
                .bind("status", status)
                .bind("read", rowsRead)
                .bind("imported", rowsImported)
                .bind("rejected", rowsRejected)
                .bind("percent", percent)
                .bind("finished", Rows.utc(finishedAt))
                .bind("summary", summaryJson)
                .bind("error", error)
                .bind("problems", problemsJson)
                .execute());
  }

  /**
   * A job; {@code abandoned} when it is queued or running and its heartbeat is older than {@code
   * lease}.
   */
  public Optional<ImportJobRow> byId(UUID jobId, Duration lease) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + ", status IN ('queued', 'running')"
                        + " AND heartbeat_at < now() - CAST(:lease AS interval) AS abandoned"
                        + " FROM import_jobs WHERE job_id = :id")
                .bind("id", jobId)
                .bind("lease", lease.toMillis() + " milliseconds")
                .map(ImportJobDao::map)
                .findOne());
  }

  /** Renews the heartbeat of these jobs, those of them still queued or running. */
  public int renew(java.util.Collection<UUID> jobIds) {
    if (jobIds.isEmpty()) {
      return 0;
    }
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
                    UPDATE import_jobs SET heartbeat_at = now()
                    WHERE job_id = ANY(:ids) AND status IN ('queued', 'running')
                    """)
                .bindArray("ids", UUID.class, jobIds)
                .execute());
  }

  /**
   * Marks failed, with {@code error}, the queued and running jobs whose heartbeat is older than
   * {@code lease}, and those of {@code restartedOwner} (its jobs from before a restart; null for
   * none).
   *
   * @return how many
   */
  public int failAbandoned(Duration lease, String restartedOwner, String error, Instant at) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
                    UPDATE import_jobs
                    SET status = 'failed', error = :error, finished_at = :at
                    WHERE status IN ('queued', 'running')
                      AND (heartbeat_at < now() - CAST(:lease AS interval)
                           OR owner = CAST(:owner AS text))
                    """)
                .bind("error", error)
                .bind("at", Rows.utc(at))
                .bind("lease", lease.toMillis() + " milliseconds")
                .bind("owner", restartedOwner)
                .execute());
  }

  /** Deletes the finished jobs beyond the newest {@code kept}. */
  public int prune(int kept) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
                    DELETE FROM import_jobs
                    WHERE finished_at IS NOT NULL AND job_id NOT IN (
                      SELECT job_id FROM import_jobs WHERE finished_at IS NOT NULL
                      ORDER BY finished_at DESC LIMIT :kept)
                    """)
                .bind("kept", kept)
                .execute());
  }

  private static ImportJobRow map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws SQLException {
    return new ImportJobRow(
        rs.getObject("job_id", UUID.class),
        rs.getString("status"),
        rs.getString("file"),
        rs.getString("machine"),
        rs.getString("owner"),
        rs.getLong("rows_read"),
        rs.getLong("rows_imported"),
        rs.getLong("rows_rejected"),
        rs.getDouble("progress_percent"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "heartbeat_at"),
        Rows.instant(rs, "finished_at"),
        rs.getBoolean("abandoned"),
        rs.getString("summary"),
        rs.getString("error"),
        rs.getString("problems"));
  }
}
