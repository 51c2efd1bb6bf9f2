package org.enms.db;

import java.time.Instant;

/** One bucket of a time series; {@code value} in the unit of the series (kWh or kW). */
public record SeriesPoint(Instant bucket, double value) {}
