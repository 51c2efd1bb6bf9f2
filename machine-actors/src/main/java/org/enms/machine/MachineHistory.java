package org.enms.machine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.enms.analytics.BucketTotals;
import org.enms.analytics.DayTotals;
import org.enms.core.reading.EnergyReading;

/**
 * What storage knows about a machine when its entity starts: enough to answer as if it had never
 * stopped. Power and energy are electricity only (see {@link org.enms.analytics.MachineState}).
 *
 * @param lastHour per-minute totals of the last hour: minute start, power reading count, sum, min
 *     and max power (kW), energy (kWh) and production units; minutes without data may be omitted
 * @param today today's (UTC) totals; an adapter that only knows energy and production units may
 *     leave the other fields empty, at the cost of showing only post-restart averages and uptime
 * @param latestEnergy the newest stored electricity reading, for the current status
 * @param restoredUpTo every reading at or before this instant is included above; later readings are
 *     counted when recorded, earlier ones are ignored as already counted
 * @param lastCounterKwh the newest stored cumulative register value, kWh, for meters that report
 *     only a counter
 */
public record MachineHistory(
    List<BucketTotals> lastHour,
    DayTotals today,
    Optional<EnergyReading> latestEnergy,
    Instant restoredUpTo,
    Optional<Double> lastCounterKwh) {

  public MachineHistory {
    lastHour = List.copyOf(lastHour);
  }

  /** Nothing stored: a new machine, or one silent for more than a day. */
  public static MachineHistory empty(Instant now) {
    return new MachineHistory(
        List.of(),
        DayTotals.empty(LocalDate.ofInstant(now, ZoneOffset.UTC)),
        Optional.empty(),
        now,
        Optional.empty());
  }
}
