package org.enms.analytics.kpi;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * One version of a factory's tariff for one energy source. Versions of the same {@code name} follow
 * each other: the latest one whose {@code validFrom} has come is in force.
 *
 * @param ratePerKwh price per kWh in {@code currency}; unused by demand charges
 * @param startHour first local hour (0..23) a time-of-use price applies
 * @param endHour local hour (0..24) it stops applying; below {@code startHour} it wraps midnight,
 *     equal to it means all day
 * @param days 0 = Sunday .. 6 = Saturday; null or empty for every day
 * @param demandChargePerKw price per kW of the month's peak demand; demand charges only
 * @param validFrom first local date the version applies to
 * @param validTo first local date it no longer applies to, or null
 */
public record TariffVersion(
    UUID id,
    String name,
    TariffKind kind,
    double ratePerKwh,
    Integer startHour,
    Integer endHour,
    Set<Integer> days,
    Double demandChargePerKw,
    LocalDate validFrom,
    LocalDate validTo,
    String currency) {

  public TariffVersion {
    days = days == null ? Set.of() : Set.copyOf(days);
  }

  /** Whether this version's validity covers {@code date}. */
  public boolean validOn(LocalDate date) {
    return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
  }

  /** Whether its days and (for time of use) hours include the local time {@code t}. */
  public boolean appliesAt(LocalDateTime t) {
    int day = t.getDayOfWeek().getValue() % 7;
    if (!days.isEmpty() && !days.contains(day)) {
      return false;
    }
    return kind != TariffKind.TIME_OF_USE || inWindow(startHour, endHour, t.getHour());
  }

  /**
   * Whether {@code hour} lies in {@code [start, end)}. A window whose end is below its start wraps
   * midnight (21 to 9 is 21:00 to 09:00), which the original never matched; equal ends are all day.
   */
  static boolean inWindow(int start, int end, int hour) {
    if (start < end) {
      return hour >= start && hour < end;
    }
    if (start > end) {
      return hour >= start || hour < end;
    }
    return true;
  }
}
