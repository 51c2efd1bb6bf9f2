package org.enms.analytics;

import java.util.List;
import org.enms.core.reading.EnergyReading;

/**
 * What {@link MachineState#resolveCounters} made of a batch.
 *
 * @param readings the batch in its original order, counter-only readings now with {@code energyKwh}
 *     set
 * @param ignored duplicates and out-of-order register values, given 0 kWh
 * @param counterResets cumulative meters that restarted from 0
 * @param counterRollovers cumulative meters that wrapped at their maximum
 * @param counterGaps deltas that cover a gap in the readings, attributed to the reading ending it
 */
public record CounterResolution(
    List<EnergyReading> readings,
    int ignored,
    int counterResets,
    int counterRollovers,
    int counterGaps) {

  public CounterResolution {
    readings = List.copyOf(readings);
  }

  /** Whether anything happened to the meter that an operator may want to see in the log. */
  public boolean noteworthy() {
    return counterResets + counterRollovers + counterGaps > 0;
  }
}
