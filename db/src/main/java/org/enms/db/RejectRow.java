package org.enms.db;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A stored row of {@code ingest_rejects}; {@code id} grows with insertion order.
 *
 * @param payload the raw bytes kept (at most {@link IngestReject#MAX_PAYLOAD_BYTES}), null if none;
 *     for rows from before migration V7, the old text column as UTF-8
 * @param payloadLength the whole payload's length in bytes
 */
public record RejectRow(
    long id, Instant receivedAt, String topic, String reason, byte[] payload, int payloadLength) {

  /** The payload for reading: UTF-8, with what is not UTF-8 replaced; null if none was kept. */
  public String payloadText() {
    return payload == null ? null : new String(payload, StandardCharsets.UTF_8);
  }
}
