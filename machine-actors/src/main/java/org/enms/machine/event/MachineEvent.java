package org.enms.machine.event;

import java.time.Instant;
import java.util.UUID;
import org.enms.machine.CborSerializable;

/**
 * Something established about a machine, published to every node's event hub (and from there to
 * WebSocket clients and other consumers). Events are facts in the past tense; each carries its wire
 * name ({@link #type()}, e.g. {@code anomaly.detected}) and what clients filter on: the machine,
 * its factory and the time.
 */
public sealed interface MachineEvent extends CborSerializable
    permits AnomalyDetected,
        AnomalyResolved,
        BaselineTrained,
        TrainingStarted,
        TrainingProgressed,
        TrainingCompleted,
        MachineStatusChanged,
        ReadingRecorded {

  /** The wire name clients subscribe to and filter by. */
  String type();

  UUID machineId();

  /** The machine's factory; null when not known to the publisher. */
  UUID factoryId();

  /** When it happened (for a reading: the reading's time). */
  Instant time();
}
