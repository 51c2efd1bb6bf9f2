package org.enms.machine.event;

import java.time.Instant;
import java.util.UUID;

/**
 * A reading was stored and taken into the machine's live state; published only for machines a
 * client asked to follow live.
 *
 * @param energyKwh interval energy; null for a counter-only reading not yet resolved
 */
public record ReadingRecorded(
    UUID machineId,
    UUID factoryId,
    Instant time,
    String energyType,
    double powerKw,
    Double energyKwh)
    implements MachineEvent {
  @Override
  public String type() {
    return "machine.reading";
  }
}
