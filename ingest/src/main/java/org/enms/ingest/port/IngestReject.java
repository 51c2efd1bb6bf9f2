package org.enms.ingest.port;

import java.time.Instant;

/** A message, or one reading of a gateway batch, that was acknowledged without being stored. */
public record IngestReject(Instant receivedAt, String topic, String reason, String payload) {}
