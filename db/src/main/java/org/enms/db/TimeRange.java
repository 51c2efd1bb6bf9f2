package org.enms.db;

import java.time.Instant;

/** A closed time range {@code [from, to]}. */
public record TimeRange(Instant from, Instant to) {}
