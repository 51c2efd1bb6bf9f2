package org.enms.http.imports;

import java.time.Instant;

/**
 * An import job as the API reports it.
 *
 * @param status queued, running, succeeded or failed
 * @param progressPercent 0–100 of the file read
 * @param summary the import's summary once it succeeded (rows, rejects with lines, gaps, range)
 * @param error why it failed
 */
public record ImportJobStatus(
    String jobId,
    String status,
    String file,
    String machine,
    long rowsRead,
    long rowsImported,
    long rowsRejected,
    double progressPercent,
    Instant createdAt,
    Instant finishedAt,
    Object summary,
    String error,
    Object problems) {}
