package org.enms.analytics.voice;

import java.time.Instant;

/**
 * The period a question is about.
 *
 * @param phrase how it is said back ("today", "in the last hour")
 * @param now true for "right now": the latest value, not a sum over the period
 */
public record TimeWindow(Instant start, Instant end, String phrase, boolean now) {}
