package org.enms.machine.event;

import java.time.Instant;
import java.util.UUID;

/** The machine's status changed (e.g. idle → running, running → offline). */
public record MachineStatusChanged(
    UUID machineId, UUID factoryId, Instant time, String previous, String current)
    implements MachineEvent {
  @Override
  public String type() {
    return "machine.status";
  }
}
