package org.enms.core.reading;

import java.time.Instant;
import java.util.UUID;

/** A machine's own report of whether it runs and in which mode. */
public record StatusReading(
    UUID machineId, Instant time, boolean running, String operatingMode, Double currentPowerKw)
    implements Reading {}
