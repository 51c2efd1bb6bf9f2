package org.enms.db;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code import_jobs}.
 *
 * @param status queued, running, succeeded or failed
 * @param owner the node running the job
 * @param progressPercent 0–100 of the file read
 * @param heartbeatAt when the owner last said it still runs the job (database clock)
 * @param abandoned queued or running, and the heartbeat older than the lease: the owner is gone
 * @param summaryJson the summary once it succeeded, as JSON
 * @param problemsJson why the file did not fit, as a JSON array, when it failed so
 */
public record ImportJobRow(
    UUID jobId,
    String status,
    String file,
    String machine,
    String owner,
    long rowsRead,
    long rowsImported,
    long rowsRejected,
    double progressPercent,
    Instant createdAt,
    Instant heartbeatAt,
    Instant finishedAt,
    boolean abandoned,
    String summaryJson,
    String error,
    String problemsJson) {

  public boolean active() {
    return "queued".equals(status) || "running".equals(status);
  }
}
