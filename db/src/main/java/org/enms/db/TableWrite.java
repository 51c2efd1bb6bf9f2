package org.enms.db;

import java.time.Instant;
import java.util.List;

/**
 * What one batch did to one table.
 *
 * @param submitted readings of the batch destined for the table
 * @param inserted rows actually inserted (status: rows upserted); fewer than submitted when
 *     readings were already stored (redelivery) or were stale
 * @param minTime earliest reading time submitted
 * @param maxTime latest reading time submitted
 * @param spans the reading times grouped into the spans whose roll-ups need recomputing
 */
public record TableWrite(
    int submitted, int inserted, Instant minTime, Instant maxTime, List<TimeRange> spans) {
  public TableWrite {
    spans = List.copyOf(spans);
  }
}
