package org.enms.http.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.enms.ingest.importer.InvalidImportSpecException;

/**
 * An import job as the API reports it.
 *
 * @param status queued, running, succeeded or failed
 * @param progressPercent 0–100 of the file read
 * @param summary the import's summary once it succeeded (rows, rejects with lines, gaps, range)
 * @param error why it failed
 * @param problems why the file did not fit its options; null unless there are some
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
    JsonNode summary,
    String error,
    List<InvalidImportSpecException.Problem> problems) {}
