package org.enms.db;

import java.time.Instant;

/** A stored row of {@code ingest_rejects}; {@code id} grows with insertion order. */
public record RejectRow(long id, Instant receivedAt, String topic, String reason, String payload) {}
