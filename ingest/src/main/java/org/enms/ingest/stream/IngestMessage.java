package org.enms.ingest.stream;

import java.util.List;
import org.enms.core.reading.Reading;
import org.enms.ingest.port.IngestReject;

/**
 * One broker message after parsing and validation: the readings to store, what was rejected, and
 * how to acknowledge it once both are durable.
 */
public record IngestMessage(List<Reading> readings, List<IngestReject> rejects, Runnable ack) {

  /** Batches are sized in rows, so a gateway message of 50 readings weighs 50. */
  long weight() {
    return Math.max(1, readings.size() + rejects.size());
  }
}
