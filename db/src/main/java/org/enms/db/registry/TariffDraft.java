package org.enms.db.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * One version of a factory's tariff; {@code (factory, name, validFrom)} is its natural key, and the
 * versions of one name follow each other in time.
 *
 * @param energySource the energy source it prices, by name; null for electricity
 * @param kind {@code flat}, {@code time_of_use} or {@code demand_charge} ({@link #FLAT} …)
 * @param ratePerKwh price per kWh in {@code currency}; 0 for a demand charge
 * @param startHour first local hour (0..23) a time-of-use rate applies, null otherwise
 * @param endHour local hour (0..24) it stops applying; may be below {@code startHour} (wraps
 *     midnight)
 * @param applicableDays 0 = Sunday .. 6 = Saturday; null for every day
 * @param demandChargePerKw price per kW of the month's highest 15-minute demand (demand charges)
 * @param validFrom the factory's local date from which this version applies
 */
public record TariffDraft(
    String name,
    String description,
    String energySource,
    String kind,
    double ratePerKwh,
    String currency,
    Integer startHour,
    Integer endHour,
    List<Integer> applicableDays,
    Double demandChargePerKw,
    LocalDate validFrom) {

  public static final String FLAT = "flat";
  public static final String TIME_OF_USE = "time_of_use";
  public static final String DEMAND_CHARGE = "demand_charge";

  /** The source's name, electricity when none was given. */
  public String energySourceOrDefault() {
    return energySource == null ? "electricity" : energySource;
  }

  /** A value the registry refuses, and the field (snake_case) that holds it. */
  public record Problem(String field, String message) {}

  /**
   * What is wrong with the version's values, or null: checked before any write, by the plant file
   * and the API alike.
   */
  public Problem problem() {
    if (!List.of(FLAT, TIME_OF_USE, DEMAND_CHARGE).contains(kind)) {
      return new Problem("kind", "kind must be flat, time_of_use or demand_charge");
    }
    if (!Double.isFinite(ratePerKwh) || ratePerKwh < 0) {
      return new Problem("rate_per_kwh", "rate_per_kwh must be at least 0");
    }
    if (TIME_OF_USE.equals(kind) && (startHour == null || endHour == null)) {
      return new Problem("start_hour", "a time_of_use tariff needs start_hour and end_hour");
    }
    if (startHour != null && (startHour < 0 || startHour > 23)) {
      return new Problem("start_hour", "start_hour must be between 0 and 23");
    }
    if (endHour != null && (endHour < 0 || endHour > 24)) {
      return new Problem("end_hour", "end_hour must be between 0 and 24");
    }
    if (applicableDays != null
        && applicableDays.stream().anyMatch(d -> d == null || d < 0 || d > 6)) {
      return new Problem("applicable_days", "applicable_days must be 0 (Sunday) to 6 (Saturday)");
    }
    if (DEMAND_CHARGE.equals(kind)
        && (demandChargePerKw == null
            || !Double.isFinite(demandChargePerKw)
            || demandChargePerKw < 0)) {
      return new Problem(
          "demand_charge_per_kw",
          "a demand_charge tariff needs demand_charge_per_kw of at least 0");
    }
    if (currency == null || !currency.matches("[A-Z]{3}")) {
      return new Problem("currency", "currency must be a three-letter code such as USD");
    }
    if (validFrom == null) {
      return new Problem("valid_from", "valid_from is required");
    }
    return null;
  }
}
