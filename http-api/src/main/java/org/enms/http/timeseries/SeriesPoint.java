package org.enms.http.timeseries;

import java.time.Instant;

/** One bucket of a time series: its start and its value (kWh for energy, kW for power). */
public record SeriesPoint(Instant bucket, double value) {}
