package org.enms.ingest.port;

import java.time.Instant;
import java.util.Arrays;

/**
 * A message, or one reading of a gateway batch, that was acknowledged without being stored.
 *
 * @param payload its raw bytes, cut to their first {@link
 *     org.enms.db.IngestReject#MAX_PAYLOAD_BYTES}, so a large bad message is not held in memory
 *     until its batch commits
 * @param payloadLength the length of the whole raw payload in bytes
 */
public record IngestReject(
    Instant receivedAt, String topic, String reason, byte[] payload, int payloadLength) {

  /** A reject of {@code raw}, keeping its head when it is longer than the stored cap. */
  public static IngestReject of(Instant receivedAt, String topic, String reason, byte[] raw) {
    int cap = org.enms.db.IngestReject.MAX_PAYLOAD_BYTES;
    byte[] kept = raw.length <= cap ? raw : Arrays.copyOf(raw, cap);
    return new IngestReject(receivedAt, topic, reason, kept, raw.length);
  }
}
