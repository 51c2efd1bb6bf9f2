package org.enms.core.reading;

import java.time.Instant;
import java.util.UUID;

/** One validated measurement of one machine at one instant, ready to be stored. */
public sealed interface Reading
    permits EnergyReading, ProductionReading, EnvironmentalReading, StatusReading {
  UUID machineId();

  Instant time();
}
