package org.enms.simulator.replay;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import java.util.UUID;
import org.enms.core.time.IsoInstants;

/**
 * One line of a replay CSV ({@code time,machine_id,power_kw,energy_kwh[,production_count]}).
 *
 * @param powerKw kW
 * @param energyKwh energy of the interval ending at {@code time}, kWh
 */
public record ReplayRow(
    Instant time, UUID machineId, double powerKw, double energyKwh, OptionalLong productionCount) {

  /** Parses a data line; timestamps without an offset are taken as UTC. */
  static ReplayRow parse(String line, int lineNumber) {
    String[] cells = line.split(",", -1);
    if (cells.length < 4) {
      throw new IllegalArgumentException("line " + lineNumber + ": expected at least 4 columns");
    }
    try {
      OptionalLong production =
          cells.length > 4 && !cells[4].isBlank()
              ? OptionalLong.of(Long.parseLong(cells[4].trim()))
              : OptionalLong.empty();
      return new ReplayRow(
          parseTime(cells[0].trim()),
          UUID.fromString(cells[1].trim()),
          Double.parseDouble(cells[2].trim()),
          Double.parseDouble(cells[3].trim()),
          production);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new IllegalArgumentException("line " + lineNumber + ": " + e.getMessage(), e);
    }
  }

  private static Instant parseTime(String text) {
    return IsoInstants.parse(text.trim().replace(' ', 'T'));
  }
}
