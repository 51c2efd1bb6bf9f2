package org.enms.db;

import java.time.Instant;
import java.util.Arrays;

/**
 * A message, or one reading of a gateway batch, that the ingest could not store, with why.
 *
 * @param topic the MQTT topic as received; {@link RejectDao} makes it safe for a text column
 * @param reason why it was rejected; made safe the same way
 * @param payload the raw bytes, or their first {@link #MAX_PAYLOAD_BYTES} when longer (cut here if
 *     the caller did not); null when none is kept, e.g. after the database refused it
 * @param payloadLength the length of the whole raw payload in bytes, before any cut
 */
public record IngestReject(
    Instant receivedAt, String topic, String reason, byte[] payload, int payloadLength) {

  /**
   * Rejects are for diagnosis: 64 KiB of a payload shows what was wrong with it, and bounds what a
   * flood of large bad messages can put into the (row-bounded) table.
   */
  public static final int MAX_PAYLOAD_BYTES = 65_536;

  public IngestReject {
    if (payload != null && payload.length > MAX_PAYLOAD_BYTES) {
      payload = Arrays.copyOf(payload, MAX_PAYLOAD_BYTES);
    }
    if (payloadLength < (payload == null ? 0 : payload.length)) {
      throw new IllegalArgumentException("payloadLength is below the bytes kept");
    }
  }

  /** A reject keeping the head of {@code raw} (which is not copied when it is short enough). */
  public static IngestReject of(Instant receivedAt, String topic, String reason, byte[] raw) {
    return new IngestReject(receivedAt, topic, reason, raw, raw == null ? 0 : raw.length);
  }

  /** The same reject without its payload, the reason extended by {@code why}. */
  public IngestReject withoutPayload(String why) {
    return new IngestReject(receivedAt, topic, reason + "; " + why, null, payloadLength);
  }
}
