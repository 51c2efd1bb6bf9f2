package org.enms.db;

import java.time.Instant;

/**
 * A message the ingest could not store, with why. {@code payload} may be truncated by the caller.
 */
public record IngestReject(Instant receivedAt, String topic, String reason, String payload) {}
