package org.enms.db.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * A factory's energy tariff; {@code (factory, name)} is its natural key.
 *
 * @param ratePerKwh price per kWh in {@code currency}
 * @param startHour first hour (0..23) a time-of-use rate applies, null for flat rates
 * @param endHour hour (0..24) it stops applying; may be below {@code startHour} (wraps midnight)
 * @param applicableDays 0 = Sunday .. 6 = Saturday; null for every day
 */
public record TariffDraft(
    String name,
    String description,
    double ratePerKwh,
    String currency,
    boolean timeOfUse,
    Integer startHour,
    Integer endHour,
    List<Integer> applicableDays,
    LocalDate validFrom) {}
