package org.enms.db;

import java.time.Instant;

/**
 * What one batch did to one table.
 *
 * @param submitted readings of the batch destined for the table
 * @param inserted rows actually inserted (status: rows upserted); fewer than submitted when
 *     readings were already stored (redelivery) or were stale
 * @param minTime earliest reading time submitted
 * @param maxTime latest reading time submitted
 */
public record TableWrite(int submitted, int inserted, Instant minTime, Instant maxTime) {}
