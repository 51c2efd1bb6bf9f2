package org.enms.ingest.importer;

import java.time.Instant;

/**
 * A row that was rejected, duplicated or noteworthy.
 *
 * @param line 1-based line number in the file, the header included
 * @param timestamp the row's stored (interval-ending) instant, when it could be read
 */
public record RowIssue(long line, Instant timestamp, String reason) {}
