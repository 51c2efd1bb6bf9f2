package org.enms.ingest.importer;

import java.time.Instant;

/**
 * A period the file has no rows for; never filled in.
 *
 * @param from start of the first missing interval
 * @param to end of the last missing interval
 * @param missingIntervals how many intervals are missing
 */
public record ImportGap(Instant from, Instant to, long missingIntervals) {}
